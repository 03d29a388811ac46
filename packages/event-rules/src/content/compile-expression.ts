// One match expression of a content filter (`{ "prefix": "abc" }`,
// `{ "numeric": [">", 0, "<=", 5] }`, `{ "anything-but": [...] }`...):
// checked as aws/event-ruler checks it, reasons in its words.
import type { Dialect, Fail } from "./compile-pattern.js";
import { isObject } from "./compile-pattern.js";
import { parseCidr, wildcardRegex, type Leaf, type Matcher, type NumericOperator } from "./matchers.js";

export function compileExpression(expression: Record<string, unknown>, key: string, dialect: Dialect, fail: Fail): Matcher {
  const entries = Object.entries(expression);
  if (entries.length === 0) fail("Match expression name not found", key);
  const [name, value] = entries[0]!;
  const matcher = compileNamed(name, value, key, dialect, fail);
  if (entries.length > 1)
    fail(name === "numeric" || name === "anything-but" ? "Too many elements in numeric expression" : "Only one key allowed in match expression", key);
  return matcher;
}

function compileNamed(name: string, value: unknown, key: string, dialect: Dialect, fail: Fail): Matcher {
  switch (name) {
    case "prefix":
    case "suffix":
      return compileAffix(name, value, key, dialect, fail);
    case "equals-ignore-case":
      if (typeof value !== "string") fail("equals-ignore-case match pattern must be a string", key);
      return { kind: "equals-ignore-case", value };
    case "numeric":
      if (!Array.isArray(value)) fail("Value of numeric must be an array.", key);
      return { kind: "numeric", terms: compileNumeric(value, key, fail) };
    case "anything-but":
      return compileAnythingBut(value, key, dialect, fail);
    case "exists":
      if (typeof value !== "boolean") fail("exists match pattern must be either true or false.", key);
      return { kind: "exists", value };
    case "cidr":
      return compileCidr(value, key, fail);
  }
  if (dialect.extended && name === "wildcard") {
    if (typeof value !== "string") fail("wildcard match pattern must be a string", key);
    return { kind: "wildcard", regex: compileWildcard(value, key, fail) };
  }
  if (dialect.extended && name === "exactly") {
    if (typeof value !== "string") fail("exact match pattern must be a string", key);
    return { kind: "exact", value };
  }
  return fail(`Unrecognized match type ${name}`, key);
}

function compileAffix(name: "prefix" | "suffix", value: unknown, key: string, dialect: Dialect, fail: Fail): Matcher {
  if (dialect.extended && isObject(value)) {
    const [inner = "", text] = Object.entries(value)[0] ?? [];
    if (inner === "") fail(`${name === "prefix" ? "Prefix" : "Suffix"} expression name not found`, key);
    if (inner !== "equals-ignore-case") fail(`Unsupported ${name} pattern: ${inner}`, key);
    if (typeof text !== "string") fail("equals-ignore-case match pattern must be a string", key);
    if (Object.keys(value).length > 1) fail("Only one key allowed in match expression", key);
    return { kind: name, value: text, ignoreCase: true };
  }
  if (typeof value !== "string") fail(`${name} match pattern must be a string`, key);
  return { kind: name, value, ignoreCase: false };
}

// `[op, n]`, or a range `[">"|">=", low, "<"|"<=", high]` with low < high.
function compileNumeric(items: unknown[], key: string, fail: Fail): Array<[NumericOperator, number]> {
  const [operator, bound, secondOperator, secondBound, ...rest] = items;
  if (typeof operator !== "string") fail(`Invalid member in numeric match: ${items.length === 0 ? "]" : shown(operator)}`, key);
  if (!["=", "<", "<=", ">", ">="].includes(operator)) fail(`Unrecognized numeric range operator: ${operator}`, key);
  if (typeof bound !== "number") fail(`Value of ${operator === "=" ? "equals" : operator} must be numeric`, key);
  const terms: Array<[NumericOperator, number]> = [[operator as NumericOperator, bound]];
  if (items.length === 2) return terms;
  if (operator !== ">" && operator !== ">=") fail("Too many elements in numeric expression", key);
  if (typeof secondOperator !== "string") fail(`Bad value in numeric range: ${shown(secondOperator)}`, key);
  if (secondOperator !== "<" && secondOperator !== "<=") fail(`Bad numeric range operator: ${secondOperator}`, key);
  if (typeof secondBound !== "number") fail(`Value of ${secondOperator} must be numeric`, key);
  if (secondBound <= bound) fail("Bottom must be less than top", key);
  if (rest.length > 0) fail("Too many terms in numeric range expression", key);
  terms.push([secondOperator, secondBound]);
  return terms;
}

function compileAnythingBut(value: unknown, key: string, dialect: Dialect, fail: Fail): Matcher {
  let operator: string | undefined;
  let inner = value;
  if (isObject(value)) {
    const [name = "", nested] = Object.entries(value)[0] ?? [];
    if (name === "") fail("Anything-But expression name not found", key);
    if (!dialect.anythingBut.includes(name)) fail(`Unsupported anything-but pattern: ${name}`, key);
    if (Object.keys(value).length > 1) fail("Too many elements in numeric expression", key);
    operator = name;
    inner = nested;
  }
  if (!Array.isArray(inner) && typeof inner !== "string" && typeof inner !== "number") {
    fail("Value of anything-but must be an array or single string/number value.", key);
  }
  const items = Array.isArray(inner) ? inner : [inner];
  if (operator === undefined) return { kind: "anything-but", values: anythingButValues(items, key, fail) };
  const strings = items.map((item) => anythingButString(operator, item, key, fail));
  const test = operator as "prefix" | "suffix" | "equals-ignore-case" | "wildcard";
  return { kind: "anything-but-string", test, values: strings, regexes: test === "wildcard" ? strings.map((each) => compileWildcard(each, key, fail)) : [] };
}

function anythingButValues(items: unknown[], key: string, fail: Fail): Leaf[] {
  if (items.some((item) => typeof item !== "string" && typeof item !== "number")) fail("Inside anything but list, start|null|boolean is not supported.", key);
  const numbers = items.filter((item) => typeof item === "number").length;
  if (numbers !== 0 && numbers !== items.length) fail("Inside anything but list, either all values are number or string, mixed type is not supported", key);
  if (items.length === 0) fail("Inside anything but list, either all values are number or string, mixed type is not supported", key);
  return items as Leaf[];
}

function anythingButString(operator: string, item: unknown, key: string, fail: Fail): string {
  if (typeof item === "string" && (item !== "" || operator === "equals-ignore-case" || operator === "wildcard")) return item;
  if (item === "") fail("Null prefix/suffix not allowed", key);
  if (operator === "equals-ignore-case") fail("Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.", key);
  if (operator === "wildcard") fail("wildcard match pattern must be a string", key);
  return fail("prefix/suffix match pattern must be a string", key);
}

function compileCidr(value: unknown, key: string, fail: Fail): Matcher {
  if (typeof value !== "string") fail("prefix match pattern must be a string", key);
  const [address = "", mask, ...rest] = value.split("/");
  if (mask === undefined || rest.length > 0) fail("Malformed CIDR, one '/' required", key);
  if (!/^-?\d+$/.test(mask)) fail("Malformed CIDR, mask bits must be an integer", key);
  if (Number(mask) < 0) fail("Malformed CIDR, mask bits must not be negative", key);
  // Ruler refuses a mask of the whole address (/32, /128) too.
  const v6 = address.includes(":");
  if (Number(mask) > (v6 ? 127 : 31)) fail(v6 ? "IPv6 mask bits must be < 128" : "IPv4 mask bits must be < 32", key);
  const network = parseCidr(`${address}/${Number(mask)}`);
  if (network === undefined) fail(`Nonstandard IP address: ${address}`, key);
  return { kind: "cidr", network };
}

// Ruler's positions count the opening quote of the JSON string.
function compileWildcard(pattern: string, key: string, fail: Fail): RegExp {
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === "*" && pattern[index + 1] === "*") fail(`Consecutive wildcard characters at pos ${index + 1}`, key);
    if (char === "\\") {
      if (pattern[index + 1] !== "*" && pattern[index + 1] !== "\\") fail(`Invalid escape character at pos ${index + 1}`, key);
      index++;
    }
  }
  return wildcardRegex(pattern);
}

function shown(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
