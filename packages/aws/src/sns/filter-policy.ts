// A subscription's filter policy checked when the program loads, with the
// rules SNS applies (@closure-pack/event-rules, shared with the local
// cloud): a policy SNS would refuse is refused here, naming the offending
// key, so `up` never half-applies a stack that AWS then rejects.
import { parseFilterPolicy, RuleError } from "@closure-pack/event-rules";
import type { AwsError } from "../errors.js";
import { isOutput, type Input } from "../core/output.js";

const SCOPES = ["MessageAttributes", "MessageBody"];

type Refuse = (problem: string, hint?: string) => AwsError;

/** The policy as SNS takes it (JSON text), or undefined; outputs are passed on unchecked. */
export function checkFilterPolicy(policy: unknown, scope: unknown, refuse: Refuse): Input<string> | undefined {
  if (scope !== undefined && !isOutput(scope) && !SCOPES.includes(scope as string)) {
    throw refuse(`"filterPolicyScope" must be "MessageAttributes" or "MessageBody", got ${JSON.stringify(scope)}`);
  }
  if (policy === undefined) {
    if (scope !== undefined)
      throw refuse(`"filterPolicyScope" applies to a "filterPolicy", and there is none`, "give the filterPolicy, or leave filterPolicyScope out");
    return undefined;
  }
  if (isOutput(policy)) return policy as Input<string>;
  if (typeof policy !== "string" && (typeof policy !== "object" || policy === null || Array.isArray(policy))) {
    throw refuse(`"filterPolicy" must be an object or its JSON text, got ${JSON.stringify(policy)}`);
  }
  const text = typeof policy === "string" ? policy : JSON.stringify(policy);
  // An output scope is known only at deploy time: SNS checks the policy against it then.
  const knownScope = isOutput(scope) || scope === undefined ? "MessageAttributes" : (scope as "MessageAttributes" | "MessageBody");
  if (isOutput(scope)) return text;
  try {
    parseFilterPolicy(text, knownScope);
  } catch (error) {
    if (error instanceof RuleError) throw refuse(`SNS would refuse the filter policy: ${error.message}`, FILTER_HINT);
    throw error;
  }
  return text;
}

const FILTER_HINT =
  'a policy maps attribute (or body) keys to lists of values and matchers, e.g. { store: ["example_corp"], price: [{ numeric: [">=", 100] }] }';
