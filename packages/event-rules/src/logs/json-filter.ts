// JSON filter patterns: `{ $.level = "ERROR" }`, `{ $.latency > 100 &&
// ($.user.id = 7 || $.tags[0] != "test*") }`, `{ $.error IS NULL }`,
// `{ $.retry NOT EXISTS }`, `{ $.ok IS TRUE }`, `{ $.path = %^/api/% }`.
// Strings compare with `*` as a wildcard; numbers compare numerically; a
// message that is not a JSON object matches no JSON pattern.
import { RuleError } from "../rule-error.js";
import { tokenize, type Token } from "./json-filter-tokens.js";

type Test = (document: unknown) => boolean;

export function compileJsonFilter(text: string): (message: string) => boolean {
  const parser = new Parser(text, tokenize(text));
  parser.expect("{");
  const test = parser.expression();
  parser.expect("}");
  parser.end();
  return (message) => {
    let document: unknown;
    try {
      document = JSON.parse(message);
    } catch {
      return false;
    }
    return typeof document === "object" && document !== null && test(document);
  };
}

class Parser {
  #at = 0;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  expression(): Test {
    const first = this.conjunction();
    const rest: Test[] = [];
    while (this.#accept("||")) rest.push(this.conjunction());
    return rest.length === 0 ? first : (document) => first(document) || rest.some((test) => test(document));
  }

  conjunction(): Test {
    const parts = [this.primary()];
    while (this.#accept("&&")) parts.push(this.primary());
    return parts.length === 1 ? parts[0]! : (document) => parts.every((test) => test(document));
  }

  primary(): Test {
    if (this.#accept("(")) {
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    const selector = this.#take("selector", "a selector such as $.level");
    const read = compileSelector(selector, this);
    if (this.#accept("IS")) {
      const what = this.#take("word", "NULL, TRUE or FALSE after IS").text.toUpperCase();
      if (what === "NULL") return (document) => read(document).some((value) => value === null);
      if (what === "TRUE" || what === "FALSE") return (document) => read(document).some((value) => value === (what === "TRUE"));
      this.fail("NULL, TRUE or FALSE after IS", this.#at - 1);
    }
    if (this.#accept("NOT")) {
      if (this.#take("word", "EXISTS after NOT").text.toUpperCase() !== "EXISTS") this.fail("EXISTS after NOT", this.#at - 1);
      return (document) => read(document).length === 0;
    }
    const operator = this.#take("operator", "an operator (=, !=, <, <=, >, >=)").text;
    const value = this.#next("a value");
    return comparison(read, operator, value, this);
  }

  expect(kind: string): void {
    if (!this.#accept(kind)) this.fail(`"${kind}"`, this.#at);
  }

  end(): void {
    if (this.#at < this.tokens.length) this.fail("the end of the pattern", this.#at);
  }

  fail(expected: string, index: number): never {
    const token = this.tokens[index];
    const found = token === undefined ? "the end" : `"${token.text}"`;
    throw new RuleError(
      "INVALID_FILTER_PATTERN",
      `Invalid JSON filter pattern ${this.text}: expected ${expected} at position ${(token?.position ?? this.text.length) + 1}, found ${found}`,
      "pattern",
    );
  }

  #accept(kind: string): boolean {
    const token = this.tokens[this.#at];
    const matches = token !== undefined && (token.kind === kind || ((token.kind === "punct" || token.kind === "word") && token.text.toUpperCase() === kind));
    if (matches) this.#at++;
    return matches;
  }

  #take(kind: Token["kind"], expected: string): Token {
    const token = this.tokens[this.#at];
    if (token?.kind !== kind) this.fail(expected, this.#at);
    this.#at++;
    return token;
  }

  #next(expected: string): Token {
    const token = this.tokens[this.#at];
    if (token === undefined || !["string", "number", "word", "regex"].includes(token.kind)) this.fail(expected, this.#at);
    this.#at++;
    return token;
  }
}

/** `$.a.b[0]` as a function from a document to the values it selects (none, or one; each element of an array). */
function compileSelector(token: Token, parser: Parser): (document: unknown) => unknown[] {
  const steps: Array<string | number> = [];
  const path = token.text.slice(1);
  for (const [, name, index] of path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) steps.push(name ?? Number(index));
  if (steps.map((step) => (typeof step === "number" ? `[${step}]` : `.${step}`)).join("") !== path)
    parser.fail("a selector such as $.a.b or $.list[0]", parser.tokens.indexOf(token));
  return (document) => {
    let value: unknown = document;
    for (const step of steps) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, step)) return [];
      value = (value as Record<string | number, unknown>)[step];
    }
    return Array.isArray(value) ? value : [value];
  };
}

function comparison(read: (document: unknown) => unknown[], operator: string, value: Token, parser: Parser): Test {
  if (value.kind === "number") {
    const bound = Number(value.text);
    const holds = NUMERIC[operator]!;
    return (document) => read(document).some((actual) => typeof actual === "number" && holds(actual, bound));
  }
  if (operator !== "=" && operator !== "!=") parser.fail("a number after a numeric comparison", parser.tokens.indexOf(value));
  const regex = value.kind === "regex" ? regexOf(value, parser) : wildcard(value.text);
  const equal = (actual: unknown) => typeof actual === "string" && regex.test(actual);
  return operator === "=" ? (document) => read(document).some(equal) : (document) => read(document).some((actual) => actual !== undefined && !equal(actual));
}

const NUMERIC: Readonly<Record<string, (actual: number, bound: number) => boolean>> = {
  "=": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

function wildcard(text: string): RegExp {
  return new RegExp(
    `^${text
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join("[\\s\\S]*")}$`,
  );
}

function regexOf(token: Token, parser: Parser): RegExp {
  try {
    return new RegExp(token.text);
  } catch {
    return parser.fail("a valid regular expression between %", parser.tokens.indexOf(token));
  }
}
