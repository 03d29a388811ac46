// Public API of @closure-pack/cloud.
export { startCloud, DEFAULT_PORT, DEFAULT_ASYNC_RETRY_DELAYS_MS, type Cloud, type CloudOptions } from "./cloud.js";
export { CloudError, type CloudErrorCode } from "./errors.js";
export { ACCOUNT_ID } from "./services/service.js";
export { daemonEntryPath } from "./daemon/entry-path.js";
