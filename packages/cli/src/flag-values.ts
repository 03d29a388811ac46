// What the command parsers share: flags several commands take, and checks of
// flag values and positionals, each of which returns the value or throws a
// UsageError naming the flag and what it must be.
import { UsageError } from "./errors.js";

/** --endpoint-url, as every data command takes it. */
export const ENDPOINT_URL = {
  type: "string",
  value: "<url>",
  help: "where the service is; credentials and region come from the environment as for the aws CLI",
  defaultText: "$AWS_ENDPOINT_URL, else the local cloud at http://127.0.0.1:4566",
} as const;

/** The value, undefined when absent; a usage error when given empty. */
export function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === "") throw new UsageError(`option "${flag}" must not be empty`);
  return value;
}

export function nonEmptyList(list: readonly string[], flag: string): string[] {
  if (list.some((each) => each === "")) throw new UsageError(`option "${flag}" must not be empty`);
  return [...list];
}

/** One of `allowed`, or `fallback` when absent. */
export function choice<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((each) => `"${each}"`).join(" or ");
  throw new UsageError(`option "${flag}" must be ${list}, got ${JSON.stringify(value)}`);
}

/** A number that passes `isValid` (`what` says which), or `fallback` when absent. */
export function numberOf(value: string | undefined, flag: string, fallback: number, isValid: (n: number) => boolean, what: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === "" || !isValid(number)) throw new UsageError(`option "${flag}" must be ${what}, got ${JSON.stringify(value)}`);
  return number;
}

/** `--endpoint-url`: an http(s) URL with a host, or undefined. */
export function endpointUrlOf(value: string | undefined): string | undefined {
  if (value !== undefined && !/^https?:\/\/[^/]+/.test(value))
    throw new UsageError(`option "--endpoint-url" must be an http:// or https:// URL, got ${JSON.stringify(value)}`);
  return value;
}

/** The one positional `name` a command takes (`command` "" for the default command). */
export function one(list: readonly string[], command: string, name: string): string {
  const what = command === "" ? name : `"${command}" takes one ${name}`;
  if (list.length === 0) throw new UsageError(command === "" ? `missing ${name}` : `${what}, got none`);
  if (list.length > 1) {
    throw new UsageError(command === "" ? `expected one ${name}, got ${list.length}: ${list.join(" ")}` : `${what}, got ${list.length}`);
  }
  if (list[0] === "") throw new UsageError(`${name} must not be empty`);
  return list[0]!;
}
