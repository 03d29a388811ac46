// EventBridge schedule expressions: `rate(value unit)` (a period counted
// from the rule's creation) and `cron(six fields)`. Parsing refuses what
// PutRule refuses and names the field; nextFireTime says when a schedule
// fires next.
import { RuleError } from "../rule-error.js";
import { nextCronTime, parseCron, type CronSchedule } from "./cron.js";

export type Schedule = { kind: "rate"; expression: string; periodMs: number } | { kind: "cron"; expression: string; cron: CronSchedule };

const UNITS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** The schedule of `expression`; RuleError (INVALID_SCHEDULE) naming the field otherwise. */
export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate !== null) return { kind: "rate", expression, periodMs: parseRate(rate[1]!) };
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron !== null) return { kind: "cron", expression, cron: parseCron(cron[1]!) };
  throw new RuleError("INVALID_SCHEDULE", `${JSON.stringify(expression)} is neither rate(value unit) nor cron(fields)`, "expression");
}

function parseRate(body: string): number {
  const parts = body.trim().split(/\s+/);
  const [value = "", unit = ""] = parts;
  const fail = (field: string, problem: string) => new RuleError("INVALID_SCHEDULE", `the ${field} of rate(${body}) ${problem}`, field);
  if (parts.length !== 2) throw fail("expression", "must be a value and a unit, e.g. rate(5 minutes)");
  if (!/^\d+$/.test(value) || Number(value) < 1) throw fail("value", `${JSON.stringify(value)} must be a positive whole number`);
  const singular = unit.replace(/s$/, "");
  if (UNITS[singular] === undefined) throw fail("unit", `${JSON.stringify(unit)} must be minute(s), hour(s) or day(s)`);
  // AWS: rate(1 hour) and rate(5 hours), never rate(1 hours) or rate(5 hour).
  if (Number(value) === 1 && unit !== singular) throw fail("unit", `${JSON.stringify(unit)} must be singular for a value of 1: rate(1 ${singular})`);
  if (Number(value) > 1 && unit === singular) throw fail("unit", `${JSON.stringify(unit)} must be plural for a value above 1: rate(${value} ${singular}s)`);
  return Number(value) * UNITS[singular]!;
}

/**
 * When the schedule fires next, strictly after `after` (ms since the epoch):
 * a rate at `anchor` (the rule's creation) plus a whole number of periods, a
 * cron at the next minute it selects. Undefined when a cron has no more times.
 */
export function nextFireTime(schedule: Schedule, after: number, anchor: number): number | undefined {
  if (schedule.kind === "cron") return nextCronTime(schedule.cron, after);
  const periods = Math.max(1, Math.floor((after - anchor) / schedule.periodMs) + 1);
  return anchor + periods * schedule.periodMs;
}
