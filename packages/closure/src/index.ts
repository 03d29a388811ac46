// Public API of @closure-pack/closure.
export { serializeFunction } from "./serialize-function.js";
export { declareModuleImports } from "./declare-imports.js";
export { SerializationError, type SerializationErrorCode } from "./errors.js";
export type { Capture, SerializedFunction, SerializeOptions } from "./options.js";
