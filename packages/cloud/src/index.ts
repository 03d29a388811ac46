// Public API of @closure-pack/cloud.
export { startCloud, DEFAULT_PORT, DEFAULT_ASYNC_RETRY_DELAYS_MS, type Cloud, type CloudOptions } from "./cloud.js";
export { CloudError, type CloudErrorCode } from "./errors.js";
export { ACCOUNT_ID, type Durability } from "./services/service.js";
export { daemonEntryPath } from "./daemon/entry-path.js";
export { startDaemon, type StartDaemonOptions, type StartedDaemon } from "./daemon/start-daemon.js";
export { daemonStatus, stopDaemon, type DaemonStatus, type StopOptions, type StopResult } from "./daemon/daemon-status.js";
export { advanceDaemonClock } from "./daemon/daemon-clock.js";
export type { DaemonInfo } from "./daemon/daemon-file.js";
