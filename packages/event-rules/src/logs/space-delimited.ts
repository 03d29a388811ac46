// Space-delimited filter patterns: `[ip, user, ..., status = 4*, bytes > 1000]`
// names the fields of a message split at spaces (a "quoted" or [bracketed]
// run is one field, without its quotes or brackets); `...` stands for any
// number of fields; a field may carry conditions joined by && and ||
// (`status = 404 || status = 410`) on strings (`*` wildcard) or numbers.
import { RuleError } from "../rule-error.js";

type Condition = (fields: ReadonlyMap<string, string>) => boolean;

interface Element {
  /** A field name, or "..." for any number of fields. */
  name: string;
  condition: Condition | undefined;
}

export function compileSpaceDelimited(text: string): (message: string) => boolean {
  if (!text.endsWith("]")) fail(text, "it must end with ]");
  const elements = splitTopLevel(text.slice(1, -1)).map((part) => readElement(part.trim(), text));
  return (message) => {
    const fields = messageFields(message);
    return assign(elements, 0, fields, 0, new Map());
  };
}

function fail(text: string, problem: string): never {
  throw new RuleError("INVALID_FILTER_PATTERN", `Invalid space-delimited filter pattern ${text}: ${problem}`, "pattern");
}

/** Splits at commas outside quotes. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of body) {
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function readElement(part: string, text: string): Element {
  if (part === "") fail(text, "a field name is missing between commas");
  if (part === "...") return { name: "...", condition: undefined };
  const name = /^[A-Za-z_][\w-]*/.exec(part)?.[0];
  if (name === undefined) fail(text, `${JSON.stringify(part)} does not start with a field name`);
  const rest = part.slice(name.length).trim();
  return { name, condition: rest === "" ? undefined : readCondition(part, text) };
}

// `a = 1 && b != x* || c > 3`: && binds tighter than ||.
function readCondition(part: string, text: string): Condition {
  const alternatives = part.split("||").map((alternative) =>
    alternative.split("&&").map((term) => {
      const match = /^\s*([A-Za-z_][\w-]*)\s*(!=|<=|>=|=|<|>)\s*(.+?)\s*$/.exec(term);
      if (match === null) fail(text, `${JSON.stringify(term.trim())} is not a comparison such as status = 404`);
      return comparison(match[1]!, match[2]!, match[3]!);
    }),
  );
  return (fields) => alternatives.some((terms) => terms.every((term) => term(fields)));
}

function comparison(field: string, operator: string, raw: string): Condition {
  const value = raw.startsWith('"') && raw.endsWith('"') && raw.length > 1 ? raw.slice(1, -1) : raw;
  const number = Number(value);
  if (value !== "" && !Number.isNaN(number) && raw === value) {
    return (fields) => {
      const actual = Number(fields.get(field));
      return fields.has(field) && !Number.isNaN(actual) && numeric(actual, operator, number);
    };
  }
  const regex = new RegExp(
    `^${value
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join("[\\s\\S]*")}$`,
  );
  return (fields) => fields.has(field) && (operator === "!=" ? !regex.test(fields.get(field)!) : operator === "=" && regex.test(fields.get(field)!));
}

function numeric(actual: number, operator: string, bound: number): boolean {
  switch (operator) {
    case "=":
      return actual === bound;
    case "!=":
      return actual !== bound;
    case "<":
      return actual < bound;
    case "<=":
      return actual <= bound;
    case ">":
      return actual > bound;
    default:
      return actual >= bound;
  }
}

/** The fields of a message: runs between spaces; "a b" and [a b] are one field each. */
function messageFields(message: string): string[] {
  return [...message.trim().matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** Gives each named element one field (`...` any number), and checks the conditions once all are named. */
function assign(elements: readonly Element[], index: number, fields: readonly string[], at: number, named: Map<string, string>): boolean {
  if (index === elements.length) return at === fields.length && elements.every((element) => element.condition?.(named) ?? true);
  const element = elements[index]!;
  if (element.name === "...") {
    for (let skip = 0; at + skip <= fields.length; skip++) if (assign(elements, index + 1, fields, at + skip, named)) return true;
    return false;
  }
  if (at >= fields.length) return false;
  const next = new Map(named).set(element.name, fields[at]!);
  return assign(elements, index + 1, fields, at + 1, next);
}
