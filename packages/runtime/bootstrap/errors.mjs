// Errors as the Lambda Node.js runtime reports them: the runtime's own types
// (Runtime.ImportModuleError, ...) and the { errorType, errorMessage, trace }
// shape posted to the Runtime API, built as aws-lambda-ric builds it.
import { types } from "node:util";

function runtimeError(name) {
  return class extends Error {
    constructor(message) {
      super(message);
      Object.defineProperty(this, "name", { value: name, enumerable: false, writable: true, configurable: true });
    }
  };
}

export const ImportModuleError = runtimeError("Runtime.ImportModuleError");
export const HandlerNotFound = runtimeError("Runtime.HandlerNotFound");
export const MalformedHandlerName = runtimeError("Runtime.MalformedHandlerName");
export const UserCodeSyntaxError = runtimeError("Runtime.UserCodeSyntaxError");
export const UnhandledPromiseRejection = runtimeError("Runtime.UnhandledPromiseRejection");

function isErrorLike(value) {
  return types.isNativeError(value) || (typeof value === "object" && value !== null && typeof value.name === "string" && typeof value.message === "string");
}

/** What is posted to /invocation/{id}/error and /init/error. */
export function toErrorResponse(error) {
  try {
    if (isErrorLike(error)) {
      const stack = typeof error.stack === "string" ? error.stack : "";
      return { errorType: error.name, errorMessage: error.message, trace: stack === "" ? [] : stack.split("\n") };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: "handled", errorMessage: "callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack", trace: [] };
  }
}

/** The JSON the runtime logs after "Invoke Error" and "Uncaught Exception", from the error response (stack, not trace, as Lambda logs it). */
export function formatForLog({ errorType, errorMessage, trace }) {
  return JSON.stringify({ errorType, errorMessage, stack: trace });
}
