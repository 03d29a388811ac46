// A subscription's handler: a closure (made into a CallbackFunction of the
// subscription's name), a CallbackFunction, or a Function (also one from get).
import { invalidArgument } from "../core/check.js";
import type { Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import { CallbackFunction, type Callback } from "./callback-function.js";

export interface FunctionLike {
  name: Output<string>;
  arn: Output<string>;
}

export type Handler<E> = Callback<E> | FunctionLike;

export function toFunction<E>(name: string, handler: Handler<E>): FunctionLike {
  if (typeof handler === "function") return new CallbackFunction<E>(name, { callback: handler as Callback<E> });
  if (descriptorOf(handler)?.type === TYPES.function) return handler;
  throw invalidArgument(TYPES.function, name, "the handler must be a function, a lambda.CallbackFunction or a lambda.Function", "pass (event) => {...}");
}
