// @ts-check
// Errors as the Lambda Node.js runtime reports them: the runtime's own types
// (Runtime.ImportModuleError, ...) and the { errorType, errorMessage, trace }
// shape posted to the Runtime API, built as aws-lambda-ric builds it.
import { types } from "node:util";

/**
 * What is posted to the Runtime API for a failed invocation or init.
 * @typedef {{ errorType: string, errorMessage: string, trace: string[] }} ErrorResponse
 */

/** @param {string} name */
function runtimeError(name) {
  return class extends Error {
    /**
     * @param {string} message
     * @param {ErrorOptions} [options]
     */
    constructor(message, options) {
      super(message, options);
      Object.defineProperty(this, "name", { value: name, enumerable: false, writable: true, configurable: true });
    }
  };
}

export const ImportModuleError = runtimeError("Runtime.ImportModuleError");
export const HandlerNotFound = runtimeError("Runtime.HandlerNotFound");
export const MalformedHandlerName = runtimeError("Runtime.MalformedHandlerName");
export const UserCodeSyntaxError = runtimeError("Runtime.UserCodeSyntaxError");
export const UnhandledPromiseRejection = runtimeError("Runtime.UnhandledPromiseRejection");
export const SerializationError = runtimeError("Runtime.SerializationError");

/**
 * @param {unknown} value
 * @returns {value is { name: string, message: string, stack?: unknown }}
 */
function isErrorLike(value) {
  if (types.isNativeError(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const record = /** @type {{ name?: unknown, message?: unknown }} */ (value);
  return typeof record.name === "string" && typeof record.message === "string";
}

/**
 * True when `error` is a Node.js error with one of `codes` (MODULE_NOT_FOUND, ...).
 * @param {unknown} error
 * @param {...string} codes
 * @returns {error is Error & { code: string }}
 */
export function hasCode(error, ...codes) {
  const code = /** @type {{ code?: unknown } | null | undefined} */ (error)?.code;
  return typeof code === "string" && codes.includes(code);
}

/**
 * What is posted to /invocation/{id}/error and /init/error.
 * @param {unknown} error
 * @returns {ErrorResponse}
 */
export function toErrorResponse(error) {
  try {
    if (isErrorLike(error)) {
      const stack = typeof error.stack === "string" ? error.stack : "";
      return { errorType: error.name, errorMessage: error.message, trace: stack === "" ? [] : stack.split("\n") };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: "handled",
      errorMessage: "callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack",
      trace: [],
    };
  }
}

/**
 * The JSON the runtime logs after "Invoke Error" and "Uncaught Exception", from the error response (stack, not trace, as Lambda logs it).
 * @param {ErrorResponse} response
 */
export function formatForLog({ errorType, errorMessage, trace }) {
  return JSON.stringify({ errorType, errorMessage, stack: trace });
}
