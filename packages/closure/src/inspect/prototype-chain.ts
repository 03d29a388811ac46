// Reading a prototype chain without running user code: a proxy on the chain
// would run its getPrototypeOf trap, so the walk stops there (`instanceof`
// and `isPrototypeOf` do not).
import { types } from "node:util";

const MAX_CHAIN = 1000;

/** The prototypes of `value`, nearest first, up to the first proxy. */
export function prototypesOf(value: object): object[] {
  const chain: object[] = [];
  let proto = Object.getPrototypeOf(value) as object | null;
  while (proto !== null && !types.isProxy(proto) && chain.length < MAX_CHAIN) {
    chain.push(proto);
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return chain;
}

/** Whether `proto` is on the prototype chain of `value` (a trap-free `isPrototypeOf`; no array, it runs for every object). */
export function inheritsFrom(value: object, proto: object): boolean {
  for (let at = Object.getPrototypeOf(value) as object | null; at !== null; at = Object.getPrototypeOf(at) as object | null) {
    if (at === proto) return true;
    if (at === Object.prototype || types.isProxy(at)) return false;
  }
  return false;
}

/** A prototype's `constructor` and that constructor's `name`, read by descriptor (no getter runs). */
export function constructorNameOf(proto: object): { ctor: unknown; name: unknown } {
  const ctor = Reflect.getOwnPropertyDescriptor(proto, "constructor")?.value as unknown;
  const name = typeof ctor === "function" ? (Reflect.getOwnPropertyDescriptor(ctor, "name")?.value as unknown) : undefined;
  return { ctor, name };
}
