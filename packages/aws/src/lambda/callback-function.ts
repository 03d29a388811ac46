// lambda.CallbackFunction: a function whose code is a closure of the
// program (a "magic function"), serialized with what it captures when the
// plan is made. `callbackFactory` runs once per cold start and returns the
// handler: the place for SDK clients and connections.
import { checkObject, invalidArgument } from "../core/check.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import type { Role } from "../iam/role.js";
import type { Input, Output } from "../core/output.js";
import { Function } from "./function.js";
import { functionParts, grantMadeRole, type FunctionConfig } from "./function-config.js";

/** A Lambda handler: (event, context) => result or promise. */
export type Callback<E = any, R = any> = (
  event: E,
  context: import("aws-lambda").Context,
  callback?: (error?: unknown, result?: R) => void,
) => R | Promise<R> | void;

export interface CallbackFunctionArgs<E = any, R = any> extends FunctionConfig {
  callback?: Callback<E, R>;
  callbackFactory?: () => Callback<E, R>;
}

export class CallbackFunction<E = any, R = any> extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;
  readonly role: Role | undefined;

  constructor(name: string, args: CallbackFunctionArgs<E, R>, options: ResourceOptions = {}) {
    const type = TYPES.function;
    const given = checkObject(type, name, args) as CallbackFunctionArgs<E, R>;
    const hasCallback = given.callback !== undefined;
    const hasFactory = given.callbackFactory !== undefined;
    if (hasCallback === hasFactory) {
      const what = hasCallback ? 'both "callback" and "callbackFactory" are given' : 'neither "callback" nor "callbackFactory" is given';
      throw invalidArgument(
        type,
        name,
        `${what}: exactly one is required`,
        "callback: (event) => {...}, or callbackFactory: () => { /* once per cold start */ return (event) => {...} }",
      );
    }
    const fn = (given.callback ?? given.callbackFactory) as unknown;
    if (typeof fn !== "function") throw invalidArgument(type, name, `"${hasCallback ? "callback" : "callbackFactory"}" must be a function`);
    const parts = functionParts(name, given, { handler: "index.handler", timeout: 180 });
    super(type, name, parts.inputs, { ...options, code: { kind: "callback", fn, factory: hasFactory } } as ResourceOptions, ["name", "arn"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
    this.role = parts.madeRole;
    if (this.role !== undefined) grantMadeRole(name, this.role, this.name, given.policies);
  }

  /** The existing function named `id` (a CallbackFunction deployed elsewhere is a Function here), read and never changed. */
  static get(name: string, id: Input<string>): Function {
    return Function.get(name, id);
  }
}
