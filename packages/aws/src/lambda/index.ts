// aws.lambda
export { Function, type FunctionArgs } from "./function.js";
export { CallbackFunction, type CallbackFunctionArgs, type Callback } from "./callback-function.js";
export { Permission, type PermissionArgs } from "./permission.js";
export { EventSourceMapping, type EventSourceMappingArgs } from "./event-source-mapping.js";
export type { FunctionConfig } from "./function-config.js";
export type { Handler } from "./handler.js";
export type { Context } from "aws-lambda";
