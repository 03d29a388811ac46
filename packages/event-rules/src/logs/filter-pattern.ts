// CloudWatch Logs filter patterns, as FilterLogEvents and subscription
// filters read them: `{ ... }` is a JSON pattern, `[ ... ]` a
// space-delimited one, anything else terms. Each compiles once to a test
// of one message; a pattern CloudWatch cannot read is a RuleError
// (INVALID_FILTER_PATTERN) saying where.
import { compileJsonFilter } from "./json-filter.js";
import { compileSpaceDelimited } from "./space-delimited.js";
import { compileTerms } from "./terms.js";

export type MessageFilter = (message: string) => boolean;

/** The filter of `pattern`; an empty or absent pattern passes every message. */
export function compileFilterPattern(pattern: string | undefined): MessageFilter {
  const text = (pattern ?? "").trim();
  if (text === "") return () => true;
  if (text.startsWith("{")) return compileJsonFilter(text);
  if (text.startsWith("[")) return compileSpaceDelimited(text);
  return compileTerms(text);
}
