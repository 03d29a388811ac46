// EventBridge cron expressions: six UTC fields (minutes hours day-of-month
// month day-of-week year) with AWS's wildcards: `?` in exactly one of the
// day fields, `L` (last day of the month; in day-of-week, Saturday, or with
// a day `5L`, the last Thursday), `W` (nearest weekday, `15W`, `LW`) and
// `#` (`3#2`, the second Tuesday). Days of the week run 1-7 from SUN.
import { DAY_NAMES, MONTH_NAMES, parseFieldSet, parseValue, scheduleError, type FieldSpec } from "./cron-field.js";

type DayOfMonth =
  { kind: "any" } | { kind: "set"; days: Set<number> } | { kind: "last"; offset: number } | { kind: "last-weekday" } | { kind: "nearest-weekday"; day: number };
type DayOfWeek = { kind: "any" } | { kind: "set"; days: Set<number> } | { kind: "last"; weekday: number } | { kind: "nth"; weekday: number; nth: number };

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  dayOfMonth: DayOfMonth;
  months: Set<number>;
  dayOfWeek: DayOfWeek;
  years: Set<number>;
}

const FIELDS: Record<"minutes" | "hours" | "dayOfMonth" | "months" | "dayOfWeek" | "years", FieldSpec> = {
  minutes: { name: "minutes", min: 0, max: 59 },
  hours: { name: "hours", min: 0, max: 23 },
  dayOfMonth: { name: "day-of-month", min: 1, max: 31 },
  months: { name: "month", min: 1, max: 12, names: MONTH_NAMES },
  dayOfWeek: { name: "day-of-week", min: 1, max: 7, names: DAY_NAMES },
  years: { name: "year", min: 1970, max: 2199 },
};

/** The schedule of the fields inside `cron(...)`; RuleError naming the field otherwise. */
export function parseCron(body: string): CronSchedule {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw scheduleError("cron", body, `has ${fields.length} fields: cron takes six (minutes hours day-of-month month day-of-week year)`);
  const [minutes, hours, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === "?") === (dow === "?")) {
    throw scheduleError(
      "day-of-month",
      dom,
      `and the day-of-week field ${JSON.stringify(dow)} cannot ${dom === "?" ? "both be ?" : "both be given"}: exactly one of them must be ?`,
    );
  }
  return {
    minutes: plainSet(minutes, FIELDS.minutes),
    hours: plainSet(hours, FIELDS.hours),
    dayOfMonth: parseDayOfMonth(dom),
    months: plainSet(month, FIELDS.months),
    dayOfWeek: parseDayOfWeek(dow),
    years: plainSet(year, FIELDS.years),
  };
}

function plainSet(text: string, spec: FieldSpec): Set<number> {
  const special = /[?LW#]/.exec(text.toUpperCase().replace(/JUL/g, ""));
  if (special !== null) throw scheduleError(spec.name, text, `cannot use ${special[0]} (only the day fields can)`);
  return parseFieldSet(text, spec);
}

function parseDayOfMonth(text: string): DayOfMonth {
  const spec = FIELDS.dayOfMonth;
  const upper = text.toUpperCase();
  if (upper === "?") return { kind: "any" };
  if (upper === "L") return { kind: "last", offset: 0 };
  if (upper === "LW") return { kind: "last-weekday" };
  const before = /^L-(\d+)$/.exec(upper);
  if (before !== null) {
    const offset = Number(before[1]);
    if (offset > 30) throw scheduleError(spec.name, text, "counts back more than 30 days from the last");
    return { kind: "last", offset };
  }
  if (upper.endsWith("W")) return { kind: "nearest-weekday", day: parseValue(upper.slice(0, -1), text, spec) };
  if (/[?LW#]/.test(upper)) throw scheduleError(spec.name, text, "uses ?, L or W inside a list or range (they stand alone: ?, L, L-3, LW, 15W)");
  return { kind: "set", days: parseFieldSet(text, spec) };
}

function parseDayOfWeek(text: string): DayOfWeek {
  const spec = FIELDS.dayOfWeek;
  const upper = text.toUpperCase();
  if (upper === "?") return { kind: "any" };
  // Alone, L is the last day of every week: Saturday.
  if (upper === "L") return { kind: "set", days: new Set([7]) };
  if (upper.endsWith("L")) return { kind: "last", weekday: parseValue(upper.slice(0, -1), text, spec) };
  if (upper.includes("#")) {
    const [day = "", nth = "", ...rest] = upper.split("#");
    if (rest.length > 0 || !/^[1-5]$/.test(nth)) throw scheduleError(spec.name, text, "must have an occurrence from 1 to 5 after # (3#2: the second Tuesday)");
    return { kind: "nth", weekday: parseValue(day, text, spec), nth: Number(nth) };
  }
  if (/[?LW]/.test(upper.replace(/WED/g, ""))) throw scheduleError(spec.name, text, "uses ? or L inside a list or range, or W (which only day-of-month takes)");
  return { kind: "set", days: parseFieldSet(text, spec) };
}

/** The first minute strictly after `after` (ms) the schedule selects, or undefined when there is none before 2200. */
export function nextCronTime(schedule: CronSchedule, after: number): number | undefined {
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  for (let guard = 0; guard < 1_000_000; guard++) {
    const date = new Date(t);
    const [year, month, day, hour, minute] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
    if (year > 2199) return undefined;
    if (!schedule.years.has(year)) t = Date.UTC(year + 1, 0, 1);
    else if (!schedule.months.has(month)) t = Date.UTC(year, month, 1);
    else if (!dayMatches(schedule, year, month, day)) t = Date.UTC(year, month - 1, day + 1);
    else if (!schedule.hours.has(hour)) t = Date.UTC(year, month - 1, day, hour + 1);
    else if (!schedule.minutes.has(minute)) t += 60_000;
    else return t;
  }
  return undefined;
}

function dayMatches(schedule: CronSchedule, year: number, month: number, day: number): boolean {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
  const dom = schedule.dayOfMonth;
  switch (dom.kind) {
    case "set":
      return dom.days.has(day);
    case "last":
      return day === last - dom.offset;
    case "last-weekday":
      return day === nearestWeekday(year, month, last, last);
    case "nearest-weekday":
      return dom.day <= last && day === nearestWeekday(year, month, dom.day, last);
    case "any":
      break;
  }
  const dow = schedule.dayOfWeek;
  switch (dow.kind) {
    case "set":
      return dow.days.has(weekday);
    case "last":
      return weekday === dow.weekday && day + 7 > last;
    case "nth":
      return weekday === dow.weekday && Math.ceil(day / 7) === dow.nth;
    case "any":
      return true;
  }
}

// The weekday nearest `day` without leaving the month: a Saturday moves to
// Friday (or, on the 1st, to Monday the 3rd), a Sunday to Monday (or, on the
// last day, to Friday).
function nearestWeekday(year: number, month: number, day: number, last: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 6) return day === 1 ? 3 : day - 1;
  if (weekday === 0) return day === last ? day - 2 : day + 1;
  return day;
}
