// EventBridge event patterns: parsed with the rule engine's refusals
// (InvalidEventPatternException's reasons) and matched against an event
// (the envelope: source, detail-type, detail, resources...).
import { compilePatternText, type CompiledPattern, type Dialect } from "./content/compile-pattern.js";
import { matchesPattern } from "./content/match-pattern.js";

export interface EventPattern {
  readonly pattern: CompiledPattern;
}

const EVENTBRIDGE: Dialect = {
  code: "INVALID_EVENT_PATTERN",
  extended: true,
  anythingBut: ["prefix", "suffix", "equals-ignore-case", "wildcard"],
  reasonPrefix: "",
};

/** The pattern of `text`; RuleError with the reason EventBridge gives after "Event pattern is not valid. Reason: ". */
export function parseEventPattern(text: string): EventPattern {
  return { pattern: compilePatternText(text, EVENTBRIDGE) };
}

export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return matchesPattern(pattern.pattern, event);
}
