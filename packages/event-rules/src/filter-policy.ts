// SNS subscription filter policies: parsed with SNS's refusals (its limits
// of 5 keys and 150 combinations, no nesting on the attributes scope, and
// the rule engine's checks) and matched against a published message, on its
// attributes (String, Number and String.Array; Binary ones are ignored) or
// on its JSON body.
import { compilePatternText, isObject, type CompiledPattern, type Dialect } from "./content/compile-pattern.js";
import { matchesPattern } from "./content/match-pattern.js";
import { RuleError } from "./rule-error.js";

export type FilterPolicyScope = "MessageAttributes" | "MessageBody";

export interface FilterPolicy {
  readonly scope: FilterPolicyScope;
  readonly pattern: CompiledPattern;
}

/** A message attribute as Publish takes it. */
export interface MessageAttribute {
  DataType: string;
  StringValue?: string | undefined;
  BinaryValue?: Uint8Array | string | undefined;
}

const SNS: Dialect = { code: "INVALID_FILTER_POLICY", extended: false, anythingBut: ["prefix", "suffix"], reasonPrefix: "FilterPolicy: " };
const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;

/**
 * The policy of `text` for `scope`. Throws RuleError with SNS's message
 * after its "Invalid parameter: " (`FilterPolicy: Unrecognized match type
 * prefx at "store"`).
 */
export function parseFilterPolicy(text: string, scope: FilterPolicyScope = "MessageAttributes"): FilterPolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RuleError("INVALID_FILTER_POLICY", "FilterPolicy: failed to parse JSON.");
  }
  if (isObject(parsed) && Object.keys(parsed).length > MAX_KEYS)
    throw new RuleError("INVALID_FILTER_POLICY", "FilterPolicy: Filter policy can not have more than 5 keys");
  if (scope === "MessageAttributes") refuseNesting(parsed, "");
  const pattern = compilePatternText(text, SNS);
  if (combinations(pattern) > MAX_COMBINATIONS) throw new RuleError("INVALID_FILTER_POLICY", "FilterPolicy: Filter policy is too complex");
  return { scope, pattern };
}

function refuseNesting(value: unknown, path: string): void {
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "$or" && Array.isArray(child)) child.forEach((branch) => refuseNesting(branch, path));
    else if (isObject(child)) {
      throw new RuleError(
        "INVALID_FILTER_POLICY",
        `Filter policy scope MessageAttributes does not support nested filter policy at "${path}${key}"`,
        `${path}${key}`,
      );
    }
  }
}

// SNS's measure: per branch of the $ors, the product of each key's number of
// values times its depth (a value three keys down counts three times); summed.
function combinations(pattern: CompiledPattern): number {
  let total = 0;
  for (const alternative of pattern.alternatives) {
    let product = 1;
    for (const [path, matchers] of alternative) product *= matchers.length * path.split(".").length;
    total += product;
  }
  return total;
}

/** Whether a message with this body and these attributes passes the policy. */
export function matchesFilterPolicy(policy: FilterPolicy, message: { body: string; attributes: Readonly<Record<string, MessageAttribute>> }): boolean {
  if (policy.scope === "MessageAttributes") return matchesPattern(policy.pattern, attributeDocument(message.attributes));
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    // A body that is not JSON matches no body policy.
    return false;
  }
  return isObject(body) && matchesPattern(policy.pattern, body);
}

/** Attributes as the values a policy sees: strings, numbers, arrays of String.Array. */
function attributeDocument(attributes: Readonly<Record<string, MessageAttribute>>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const type = attribute.DataType.split(".")[0];
    const text = attribute.StringValue;
    if (text === undefined) continue;
    if (attribute.DataType === "String.Array") {
      try {
        const values: unknown = JSON.parse(text);
        if (Array.isArray(values)) document[name] = values;
      } catch {
        // Not an array: the attribute matches nothing (Publish refuses it in the first place).
      }
    } else if (type === "Number") document[name] = Number(text);
    else if (type === "String") document[name] = text;
  }
  return document;
}
