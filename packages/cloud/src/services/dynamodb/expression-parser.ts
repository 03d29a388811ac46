// Reads DynamoDB's expressions into trees: conditions (ConditionExpression,
// FilterExpression, KeyConditionExpression), update expressions (SET,
// REMOVE, ADD, DELETE clauses) and projections. Attribute names (#n) are
// resolved here, values (:v) are checked to exist; both are marked used.
// Precedence as DynamoDB documents it: comparisons, IN, BETWEEN and
// functions bind tightest, then NOT, then AND, then OR.
import { validation } from "./dynamodb-protocol.js";
import { syntaxError, tokenize, type ExpressionContext, type Token } from "./expression-lexer.js";
import { isReservedWord } from "./reserved-words.js";

export type PathStep = { name: string } | { index: number };
export interface Path {
  kind: "path";
  steps: PathStep[];
}
export type Operand =
  | Path
  | { kind: "value"; name: string }
  | { kind: "size"; path: Path }
  | { kind: "if_not_exists"; path: Path; fallback: Operand }
  | { kind: "list_append"; first: Operand; second: Operand }
  | { kind: "arithmetic"; op: "+" | "-"; left: Operand; right: Operand };
export type Comparator = "=" | "<>" | "<" | "<=" | ">" | ">=";
export type Condition =
  | { kind: "compare"; op: Comparator; left: Operand; right: Operand }
  | { kind: "between"; operand: Operand; low: Operand; high: Operand }
  | { kind: "in"; operand: Operand; list: Operand[] }
  | { kind: "function"; name: string; args: Operand[] }
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "not"; condition: Condition };
export interface UpdateActions {
  set: Array<{ path: Path; value: Operand }>;
  remove: Path[];
  add: Array<{ path: Path; value: Operand }>;
  delete: Array<{ path: Path; value: Operand }>;
}

const COMPARATORS: ReadonlySet<string> = new Set(["=", "<>", "<", "<=", ">", ">="]);
const CONDITION_FUNCTIONS: Readonly<Record<string, number>> = { attribute_exists: 1, attribute_not_exists: 1, attribute_type: 2, begins_with: 2, contains: 2 };

class Parser {
  #at = 0;
  readonly #tokens: Token[];

  constructor(
    readonly text: string,
    readonly label: string,
    readonly context: ExpressionContext,
  ) {
    if (text.trim() === "") throw validation(`Invalid ${label}: The expression can not be empty;`);
    this.#tokens = tokenize(text, label);
  }

  peek(offset = 0): Token {
    return this.#tokens[Math.min(this.#at + offset, this.#tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    this.#at++;
    return token;
  }

  isKeyword(word: string): boolean {
    const token = this.peek();
    return token.type === "name" && token.text.toUpperCase() === word;
  }

  expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw this.fail(token);
  }

  fail(token: Token = this.peek()): Error {
    return syntaxError(this.label, this.text, token.text, token.start, token.end);
  }

  end(): void {
    if (this.peek().type !== "eof") throw this.fail();
  }

  path(): Path {
    const steps: PathStep[] = [this.element()];
    for (;;) {
      if (this.peek().text === ".") {
        this.next();
        steps.push(this.element());
      } else if (this.peek().text === "[") {
        this.next();
        const index = this.next();
        if (index.type !== "number") throw this.fail(index);
        steps.push({ index: Number(index.text) });
        this.expect("]");
      } else return { kind: "path", steps };
    }
  }

  element(): { name: string } {
    const token = this.next();
    if (token.type === "attribute-name") {
      const name = this.context.names[token.text];
      if (name === undefined)
        throw validation(`Invalid ${this.label}: An expression attribute name used in the document path is not defined; attribute name: ${token.text}`);
      this.context.usedNames.add(token.text);
      return { name };
    }
    if (token.type !== "name") throw this.fail(token);
    if (isReservedWord(token.text)) throw validation(`Invalid ${this.label}: Attribute name is a reserved keyword; reserved keyword: ${token.text}`);
    return { name: token.text };
  }

  value(): Operand {
    const token = this.next();
    if (this.context.values[token.text] === undefined)
      throw validation(`Invalid ${this.label}: An expression attribute value used in expression is not defined; attribute value: ${token.text}`);
    this.context.usedValues.add(token.text);
    return { kind: "value", name: token.text };
  }

  /** A path, a value, or size(path) (conditions); update values add functions and + / -. */
  operand(update = false): Operand {
    const token = this.peek();
    if (token.type === "attribute-value") return this.value();
    if (token.type === "name" && this.peek(1).text === "(") return this.call(update);
    if (token.type === "name" || token.type === "attribute-name") return this.path();
    throw this.fail(token);
  }

  call(update: boolean): Operand {
    const name = this.next().text;
    this.expect("(");
    let operand: Operand;
    if (name === "size" && !update) operand = { kind: "size", path: this.requirePath(name) };
    else if (name === "if_not_exists" && update) {
      const path = this.requirePath(name);
      this.expect(",");
      operand = { kind: "if_not_exists", path, fallback: this.operand(true) };
    } else if (name === "list_append" && update) {
      const first = this.operand(true);
      this.expect(",");
      operand = { kind: "list_append", first, second: this.operand(true) };
    } else throw validation(`Invalid ${this.label}: Invalid function name; function: ${name}`);
    this.expect(")");
    return operand;
  }

  requirePath(fn: string): Path {
    const token = this.peek();
    if (token.type !== "name" && token.type !== "attribute-name") {
      throw validation(`Invalid ${this.label}: Operator or function requires a document path; operator or function: ${fn}`);
    }
    return this.path();
  }

  or(): Condition {
    let left = this.and();
    while (this.isKeyword("OR")) {
      this.next();
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  and(): Condition {
    let left = this.not();
    while (this.isKeyword("AND")) {
      this.next();
      left = { kind: "and", left, right: this.not() };
    }
    return left;
  }

  not(): Condition {
    if (this.isKeyword("NOT")) {
      this.next();
      return { kind: "not", condition: this.not() };
    }
    return this.primary();
  }

  primary(): Condition {
    const token = this.peek();
    if (token.text === "(") {
      this.next();
      const inner = this.or();
      this.expect(")");
      return inner;
    }
    if (token.type === "name" && this.peek(1).text === "(" && token.text !== "size") return this.conditionFunction();
    const operand = this.operand();
    const op = this.next();
    if (COMPARATORS.has(op.text)) return { kind: "compare", op: op.text as Comparator, left: operand, right: this.operand() };
    if (op.type === "name" && op.text.toUpperCase() === "BETWEEN") {
      const low = this.operand();
      if (!this.isKeyword("AND")) throw this.fail();
      this.next();
      return { kind: "between", operand, low, high: this.operand() };
    }
    if (op.type === "name" && op.text.toUpperCase() === "IN") return { kind: "in", operand, list: this.list() };
    throw this.fail(op);
  }

  list(): Operand[] {
    this.expect("(");
    const list = [this.operand()];
    while (this.peek().text === ",") {
      this.next();
      list.push(this.operand());
    }
    this.expect(")");
    return list;
  }

  conditionFunction(): Condition {
    const name = this.next().text;
    const arity = CONDITION_FUNCTIONS[name];
    if (arity === undefined) throw validation(`Invalid ${this.label}: Invalid function name; function: ${name}`);
    this.expect("(");
    const args: Operand[] = [this.requirePath(name)];
    for (let index = 1; index < arity; index++) {
      this.expect(",");
      args.push(this.operand());
    }
    this.expect(")");
    return { kind: "function", name, args };
  }
}

/** A condition, filter or key condition expression. */
export function parseCondition(text: string, label: string, context: ExpressionContext): Condition {
  const parser = new Parser(text, label, context);
  const condition = parser.or();
  parser.end();
  return condition;
}

/** A projection expression: paths separated by commas. */
export function parseProjection(text: string, context: ExpressionContext): Path[] {
  const parser = new Parser(text, "ProjectionExpression", context);
  const paths = [parser.path()];
  while (parser.peek().text === ",") {
    parser.next();
    paths.push(parser.path());
  }
  parser.end();
  return paths;
}

/** An update expression: each of SET, REMOVE, ADD and DELETE at most once, in any order. */
export function parseUpdate(text: string, context: ExpressionContext): UpdateActions {
  const parser = new Parser(text, "UpdateExpression", context);
  const actions: UpdateActions = { set: [], remove: [], add: [], delete: [] };
  const seen = new Set<string>();
  while (parser.peek().type !== "eof") {
    const clause = parser.next();
    const name = clause.text.toUpperCase();
    if (clause.type !== "name" || !["SET", "REMOVE", "ADD", "DELETE"].includes(name)) throw parser.fail(clause);
    if (seen.has(name)) throw validation(`Invalid UpdateExpression: The "${name}" section can only be used once in an update expression;`);
    seen.add(name);
    readAction(parser, name, actions);
    while (parser.peek().text === ",") {
      parser.next();
      readAction(parser, name, actions);
    }
  }
  return actions;
}

function readAction(parser: Parser, clause: string, actions: UpdateActions): void {
  const path = parser.path();
  if (clause === "REMOVE") {
    actions.remove.push(path);
    return;
  }
  if (clause === "SET") {
    parser.expect("=");
    let value = parser.operand(true);
    const op = parser.peek().text;
    if (op === "+" || op === "-") {
      parser.next();
      value = { kind: "arithmetic", op, left: value, right: parser.operand(true) };
    }
    actions.set.push({ path, value });
    return;
  }
  if (parser.peek().type !== "attribute-value") throw parser.fail();
  (clause === "ADD" ? actions.add : actions.delete).push({ path, value: parser.value() });
}

/** The path as DynamoDB prints it in messages: [a, b, [0]]. */
export function pathText(path: Path): string {
  return `[${path.steps.map((step) => ("name" in step ? step.name : `[${step.index}]`)).join(", ")}]`;
}
