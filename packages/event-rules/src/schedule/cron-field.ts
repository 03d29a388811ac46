// The plain fields of an EventBridge cron expression (minutes, hours, month,
// year, and the set forms of day-of-month and day-of-week): lists of values,
// ranges (wrapping around, as `FRI-MON` or `22-2`), `*` and steps (`*/15`,
// `5/10`, `1-30/7`), with month and day names. Each failure names its field.
import { RuleError } from "../rule-error.js";

export interface FieldSpec {
  /** As messages name it: `minutes`, `day-of-week`… */
  name: string;
  min: number;
  max: number;
  /** Names for values (JAN…, SUN…), mapped to min, min+1… */
  names?: readonly string[];
}

export const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
export const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

export function scheduleError(field: string, text: string, problem: string): RuleError {
  return new RuleError("INVALID_SCHEDULE", `the ${field} field ${JSON.stringify(text)} ${problem}`, field);
}

/** The values `text` selects in the field. */
export function parseFieldSet(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    if (item === "") throw scheduleError(spec.name, text, "has an empty item in its list");
    for (const value of parseItem(item, text, spec)) values.add(value);
  }
  return values;
}

function parseItem(item: string, text: string, spec: FieldSpec): number[] {
  const [range = "", step, ...extra] = item.split("/");
  if (extra.length > 0) throw scheduleError(spec.name, text, `has more than one / in ${JSON.stringify(item)}`);
  let start: number;
  let end: number;
  if (range === "*") [start, end] = [spec.min, spec.max];
  else if (range.includes("-")) {
    const [from = "", to = "", ...more] = range.split("-");
    if (more.length > 0) throw scheduleError(spec.name, text, `has a malformed range ${JSON.stringify(range)}`);
    [start, end] = [parseValue(from, text, spec), parseValue(to, text, spec)];
  } else {
    start = parseValue(range, text, spec);
    // `5/10` runs from 5 to the end of the field.
    end = step === undefined ? start : spec.max;
  }
  const increment = step === undefined ? 1 : Number(step);
  if (step !== undefined && (!/^\d+$/.test(step) || increment < 1))
    throw scheduleError(spec.name, text, `has a step ${JSON.stringify(step)} that is not a positive whole number`);
  const span = spec.max - spec.min + 1;
  const count = (end - start + span) % span;
  const values: number[] = [];
  for (let offset = 0; offset <= count; offset += increment) values.push(((start - spec.min + offset) % span) + spec.min);
  return values;
}

/** A number or name of the field, within its range. */
export function parseValue(text: string, whole: string, spec: FieldSpec): number {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return spec.min + byName;
  const value = Number(text);
  if (!/^\d+$/.test(text)) throw scheduleError(spec.name, whole, `has ${JSON.stringify(text)}, which is not a value of the field (${describe(spec)})`);
  if (value < spec.min || value > spec.max) throw scheduleError(spec.name, whole, `has ${value}, outside ${describe(spec)}`);
  return value;
}

function describe(spec: FieldSpec): string {
  const names = spec.names === undefined ? "" : ` or ${spec.names[0]}-${spec.names.at(-1)}`;
  return `${spec.min}-${spec.max}${names}`;
}
