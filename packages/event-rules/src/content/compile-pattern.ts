// Compiles the JSON of an SNS filter policy or an EventBridge event pattern
// into alternatives (one per branch of its `$or`s), each a map from a field
// path (`detail.state`) to the value tests of that field. Refusals follow
// AWS's rule engine (aws/event-ruler's JsonRuleCompiler): the same checks in
// the same order, with its reasons; each names the offending key too.
// What differs between SNS and EventBridge is a Dialect.
import { RuleError, type RuleErrorCode } from "../rule-error.js";
import { compileExpression } from "./compile-expression.js";
import type { Leaf, Matcher } from "./matchers.js";

/** One branch of a pattern: every field must match (AND), each by any of its tests (OR). */
export type Alternative = ReadonlyMap<string, readonly Matcher[]>;

export interface CompiledPattern {
  alternatives: readonly Alternative[];
}

/** What a service allows beyond the common core. */
export interface Dialect {
  code: RuleErrorCode;
  /** EventBridge: `wildcard` and `{ prefix: { equals-ignore-case } }`. */
  extended: boolean;
  /** The operators `anything-but` may hold as an object. */
  anythingBut: readonly string[];
  /** Put before every reason: SNS says `FilterPolicy: Unrecognized match type…`. */
  reasonPrefix: string;
}

/** Field names Ruler reserves inside `$or` (its Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP). */
const RESERVED_IN_OR = new Set([
  "exactly",
  "equals-ignore-case",
  "prefix",
  "suffix",
  "anything-but",
  "exists",
  "wildcard",
  "numeric",
  "cidr",
  "=",
  "<",
  "<=",
  ">",
  ">=",
  "regex",
  "not-wildcard",
  "not-equals-ignore-case",
  "date-after",
  "date-on-or-after",
  "date-before",
  "date-on-or-before",
  "in-date-range",
  "ip-address-in-range",
  "ip-address-not-in-range",
]);

/** Thrown by compile steps: the reason, the key, and whether the reason already names the key. */
export type Fail = (reason: string, key: string, named?: boolean) => never;

export function failWith(code: RuleErrorCode, prefix = ""): Fail {
  return (reason, key, named = false) => {
    throw new RuleError(code, `${prefix}${reason}${key === "" || named ? "" : ` at "${key}"`}`, key);
  };
}

/** Parses `text` as JSON and compiles it; RuleError for anything AWS refuses. */
export function compilePatternText(text: string, dialect: Dialect): CompiledPattern {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // V8's own wording differs between Node versions: AWS's reason alone.
    failWith(dialect.code, dialect.reasonPrefix)("Filter is not valid JSON", "");
  }
  return compilePattern(parsed, dialect);
}

export function compilePattern(pattern: unknown, dialect: Dialect): CompiledPattern {
  const fail: Fail = failWith(dialect.code, dialect.reasonPrefix);
  if (!isObject(pattern)) fail("Filter is not an object", "");
  return { alternatives: compileObject(pattern, "", [new Map()], false, dialect, fail) };
}

type Branch = Map<string, readonly Matcher[]>;

function compileObject(object: Record<string, unknown>, path: string, branches: Branch[], inOr: boolean, dialect: Dialect, fail: Fail): Branch[] {
  const entries = Object.entries(object);
  if (entries.length === 0) fail("Empty objects are not allowed", path);
  for (const [key, value] of entries) {
    if (key === "$or") {
      branches = compileOr(value, path, branches, dialect, fail);
      continue;
    }
    const full = path === "" ? key : `${path}.${key}`;
    if (inOr && RESERVED_IN_OR.has(key)) fail(`${key} is Ruler reserved fieldName which cannot be used inside $or.`, full);
    if (isObject(value)) {
      branches = compileObject(value, full, branches, inOr, dialect, fail);
    } else if (Array.isArray(value)) {
      const matchers = compileValues(value, full, dialect, fail);
      branches = branches.map((branch) => new Map(branch).set(full, matchers));
    } else {
      fail(`"${key}" must be an object or an array`, full, true);
    }
  }
  return branches;
}

function compileOr(value: unknown, path: string, branches: Branch[], dialect: Dialect, fail: Fail): Branch[] {
  const key = path === "" ? "$or" : `${path}.$or`;
  if (!Array.isArray(value)) fail("It must be an Array followed with $or.", key);
  const result: Branch[] = [];
  for (const item of value) {
    if (!isObject(item)) fail("Only JSON object is allowed in array of $or relationship.", key);
    result.push(
      ...compileObject(
        item,
        path,
        branches.map((branch) => new Map(branch)),
        true,
        dialect,
        fail,
      ),
    );
  }
  if (value.length < 2) fail("There must have at least 2 Objects in $or relationship.", key);
  return result;
}

function compileValues(values: unknown[], key: string, dialect: Dialect, fail: Fail): Matcher[] {
  const matchers = values.map((value): Matcher => {
    if (isLeaf(value)) return { kind: "exact", value };
    if (isObject(value)) return compileExpression(value, key, dialect, fail);
    return fail("Match value must be String, number, true, false, or null", key);
  });
  if (matchers.length === 0) fail("Empty arrays are not allowed", key);
  return matchers;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isLeaf(value: unknown): value is Leaf {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
