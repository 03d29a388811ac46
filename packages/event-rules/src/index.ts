export { RuleError, type RuleErrorCode } from "./rule-error.js";
export { parseFilterPolicy, matchesFilterPolicy, type FilterPolicy, type FilterPolicyScope, type MessageAttribute } from "./filter-policy.js";
export { parseEventPattern, matchesEventPattern, type EventPattern } from "./event-pattern.js";
export { parseSchedule, nextFireTime, type Schedule } from "./schedule/schedule-expression.js";
export { compileFilterPattern, type MessageFilter } from "./logs/filter-pattern.js";
