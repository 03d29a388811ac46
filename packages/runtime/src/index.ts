// Public API of @closure-pack/runtime.
export { createFunction, type LocalFunction, type FunctionStats } from "./function.js";
export { MAX_PAYLOAD_BYTES } from "./runtime-api.js";
export type { FunctionOptions, FunctionCode } from "./options.js";
export { isReservedVariable } from "./options.js";
export type { FunctionError, InvokeResult, Outcome } from "./invocation.js";
export { formatLogRecord, type LogRecord, type LogLevel, type InvocationReport } from "./log-record.js";
export type { LogListener } from "./log-store.js";
export { prepareCode, extractZip, defaultCacheDir, type PreparedCode } from "./code-cache.js";
export { provideAwsSdk } from "./provided-modules.js";
export { RuntimeError, type RuntimeErrorCode, type RuntimeErrorData } from "./errors.js";
export { sampleEvent, isEventKind, EVENT_KINDS, MAX_BATCH_RECORDS, type EventKind, type SampleEventOptions } from "./events/sample-event.js";
export { encodeS3Key } from "./events/s3.js";
export { marshall } from "./events/streams.js";
