// The one error of this package: an event rule AWS would refuse (a filter
// policy, an event pattern, a schedule expression, a logs filter pattern).
// The message is AWS's reason plus the offending key or field, which AWS's
// own message often leaves to a character column; `key` holds it alone.
// Callers frame the message: the cloud in AWS's wire error, the SDK in a
// plan-time error naming the resource.
import { ClosurePackError } from "@closure-pack/errors";

/** Stable codes of {@link RuleError}; never renamed once released. */
export type RuleErrorCode = "INVALID_FILTER_POLICY" | "INVALID_EVENT_PATTERN" | "INVALID_SCHEDULE" | "INVALID_FILTER_PATTERN";

export class RuleError extends ClosurePackError<RuleErrorCode> {
  override readonly name = "RuleError";
  /** The offending key (`detail.state`) or field (`day-of-week`), or "" when the rule as a whole is wrong. */
  readonly key: string;

  constructor(code: RuleErrorCode, message: string, key = "") {
    super(code, "", message);
    this.key = key;
  }
}
