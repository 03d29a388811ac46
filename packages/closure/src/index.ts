// Public API of @closure-pack/closure.
export { serializeFunction } from "./serialize-function.js";
export { serializeFunctions } from "./serialize-functions.js";
export { declareModuleImports } from "./declare-imports.js";
export { HEAP_SNAPSHOT_CHANNEL } from "./inspect/heap-snapshot.js";
export { REBUILD } from "./kinds/rebuilt.js";
export { SerializationError, type SerializationErrorCode } from "./errors.js";
export type { Capture, FunctionToSerialize, SerializationWarning, SerializedFunction, SerializeOptions } from "./options.js";
