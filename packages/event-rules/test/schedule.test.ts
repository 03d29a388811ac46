// Schedule expressions: when each fires next (rate from its anchor, cron
// with every wildcard), and what PutRule refuses, naming the field.
import { describe, expect, it } from "vitest";
import { nextFireTime, parseSchedule, RuleError } from "../src/index.js";
import { thrown } from "./support.js";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

// Expression, the moment to look from, the next firings (each looked for after the previous).
const FIRINGS: Array<[string, string, string[]]> = [
  ["rate(5 minutes)", "2026-12-07T10:00:30.000Z", ["2026-12-07T10:05:00.000Z", "2026-12-07T10:10:00.000Z"]],
  ["rate(1 hour)", "2026-12-07T10:59:59.000Z", ["2026-12-07T11:00:00.000Z", "2026-12-07T12:00:00.000Z"]],
  ["rate(2 days)", "2026-12-07T10:00:00.000Z", ["2026-12-09T10:00:00.000Z"]],
  ["cron(0 12 * * ? *)", "2026-12-07T12:00:00.000Z", ["2026-12-08T12:00:00.000Z", "2026-12-09T12:00:00.000Z"]],
  ["cron(*/15 * * * ? *)", "2026-12-07T10:07:00.000Z", ["2026-12-07T10:15:00.000Z", "2026-12-07T10:30:00.000Z"]],
  ["cron(5/20 * * * ? *)", "2026-12-07T10:07:00.000Z", ["2026-12-07T10:25:00.000Z", "2026-12-07T10:45:00.000Z", "2026-12-07T11:05:00.000Z"]],
  ["cron(0 8 ? * MON-FRI *)", "2026-12-11T09:00:00.000Z", ["2026-12-14T08:00:00.000Z"]],
  ["cron(0 22-2 ? * SAT *)", "2026-12-12T21:00:00.000Z", ["2026-12-12T22:00:00.000Z", "2026-12-12T23:00:00.000Z", "2026-12-19T00:00:00.000Z"]],
  ["cron(0 0 L * ? *)", "2027-02-01T00:00:00.000Z", ["2027-02-28T00:00:00.000Z", "2027-03-31T00:00:00.000Z"]],
  ["cron(0 0 L-2 * ? *)", "2027-02-01T00:00:00.000Z", ["2027-02-26T00:00:00.000Z"]],
  ["cron(0 0 LW * ? *)", "2027-07-01T00:00:00.000Z", ["2027-07-30T00:00:00.000Z"]],
  ["cron(0 0 15W * ? *)", "2026-08-01T00:00:00.000Z", ["2026-08-14T00:00:00.000Z", "2026-09-15T00:00:00.000Z"]],
  ["cron(0 0 1W * ? *)", "2026-07-31T00:00:00.000Z", ["2026-08-03T00:00:00.000Z"]],
  ["cron(0 0 ? * 6L *)", "2026-12-01T00:00:00.000Z", ["2026-12-25T00:00:00.000Z"]],
  ["cron(0 0 ? * L *)", "2026-12-07T00:00:00.000Z", ["2026-12-12T00:00:00.000Z"]],
  ["cron(0 10 ? * 3#2 *)", "2026-12-01T00:00:00.000Z", ["2026-12-08T10:00:00.000Z", "2027-01-12T10:00:00.000Z"]],
  ["cron(30 9 1,15 JAN,JUL ? 2027)", "2026-12-07T00:00:00.000Z", ["2027-01-01T09:30:00.000Z", "2027-01-15T09:30:00.000Z", "2027-07-01T09:30:00.000Z"]],
  ["cron(0 0 1 1 ? 2026)", "2026-12-07T00:00:00.000Z", []],
];

const REFUSED: Array<[string, string]> = [
  ["rate(5 minute)", 'the unit of rate(5 minute) "minute" must be plural for a value above 1: rate(5 minutes)'],
  ["rate(1 hours)", 'the unit of rate(1 hours) "hours" must be singular for a value of 1: rate(1 hour)'],
  ["rate(0 minutes)", 'the value of rate(0 minutes) "0" must be a positive whole number'],
  ["rate(5 weeks)", 'the unit of rate(5 weeks) "weeks" must be minute(s), hour(s) or day(s)'],
  ["rate(5)", "the expression of rate(5) must be a value and a unit, e.g. rate(5 minutes)"],
  ["every 5 minutes", '"every 5 minutes" is neither rate(value unit) nor cron(fields)'],
  ["cron(0 12 * * *)", 'the cron field "0 12 * * *" has 5 fields: cron takes six (minutes hours day-of-month month day-of-week year)'],
  ["cron(0 12 * * * *)", 'the day-of-month field "*" and the day-of-week field "*" cannot both be given: exactly one of them must be ?'],
  ["cron(0 12 ? * ? *)", 'the day-of-month field "?" and the day-of-week field "?" cannot both be ?: exactly one of them must be ?'],
  ["cron(60 12 * * ? *)", 'the minutes field "60" has 60, outside 0-59'],
  ["cron(0 24 * * ? *)", 'the hours field "24" has 24, outside 0-23'],
  ["cron(0 12 32 * ? *)", 'the day-of-month field "32" has 32, outside 1-31'],
  ["cron(0 12 * 13 ? *)", 'the month field "13" has 13, outside 1-12 or JAN-DEC'],
  ["cron(0 12 * FOO ? *)", 'the month field "FOO" has "FOO", which is not a value of the field (1-12 or JAN-DEC)'],
  ["cron(0 12 ? * 8 *)", 'the day-of-week field "8" has 8, outside 1-7 or SUN-SAT'],
  ["cron(0 12 ? * MON#6 *)", 'the day-of-week field "MON#6" must have an occurrence from 1 to 5 after # (3#2: the second Tuesday)'],
  ["cron(0 12 * * ? 1969)", 'the year field "1969" has 1969, outside 1970-2199'],
  ["cron(0 L * * ? *)", 'the hours field "L" cannot use L (only the day fields can)'],
  ["cron(*/0 12 * * ? *)", 'the minutes field "*/0" has a step "0" that is not a positive whole number'],
  ["cron(0 12 1,L * ? *)", 'the day-of-month field "1,L" uses ?, L or W inside a list or range (they stand alone: ?, L, L-3, LW, 15W)'],
  ["cron(0 12 ? * 1W *)", 'the day-of-week field "1W" uses ? or L inside a list or range, or W (which only day-of-month takes)'],
];

describe("schedules", () => {
  it.each(FIRINGS)("fires: %s from %s", (expression, from, expected) => {
    const schedule = parseSchedule(expression);
    // A rate counts from its anchor: here the hour the look starts in.
    const anchor = at(`${from.slice(0, 13)}:00:00.000Z`);
    const fired: Array<string | undefined> = [];
    let after = at(from);
    for (let index = 0; index <= expected.length; index++) {
      const next = nextFireTime(schedule, after, anchor);
      if (index < expected.length || schedule.kind === "cron") fired.push(iso(next));
      if (next === undefined) break;
      after = next;
    }
    expect(fired.slice(0, expected.length + (expected.length === 0 ? 1 : 0))).toEqual(expected.length === 0 ? [undefined] : expected);
  });

  it.each(REFUSED)("refused: %s", (expression, message) => {
    const error = thrown(() => parseSchedule(expression));
    expect([error instanceof RuleError, error.code, error.message]).toEqual([true, "INVALID_SCHEDULE", message]);
  });

  it("refused: the error names the field", () => {
    expect(thrown(() => parseSchedule("cron(0 12 ? * MON#6 *)")).key).toBe("day-of-week");
  });
});
