// CloudWatch Logs filter patterns as the logs service uses them
// (FilterLogEvents, subscription filters): the patterns themselves (terms,
// JSON, space-delimited) live in @closure-pack/event-rules, shared with the
// SDK's plan-time checks; here a pattern CloudWatch cannot read becomes its
// InvalidParameterException.
import { compileFilterPattern as compileRule, RuleError, type MessageFilter } from "@closure-pack/event-rules";
import { AwsError } from "../../errors.js";

export type { MessageFilter };

/** The filter of `pattern` (every message passes an empty one); InvalidParameterException when it cannot be read. */
export function compileFilterPattern(pattern: string | undefined): MessageFilter {
  try {
    return compileRule(pattern);
  } catch (error) {
    if (error instanceof RuleError) throw new AwsError("InvalidParameterException", `Invalid filter pattern: ${error.message}`, 400);
    throw error;
  }
}
