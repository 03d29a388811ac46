// The tokens of DynamoDB's expression language (condition, filter, key
// condition, update and projection expressions), and the ExpressionContext
// an expression is read in: the request's ExpressionAttributeNames/Values,
// which of them were used (DynamoDB refuses unused ones), and the errors
// with DynamoDB's wording, prefixed by the expression's parameter name.
import { validation, type DynamoError } from "./dynamodb-protocol.js";
import type { Item } from "./attribute-value.js";

export type TokenType = "name" | "attribute-name" | "attribute-value" | "number" | "punct" | "eof";

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const PUNCT = ["<>", "<=", ">=", "=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-"];

export class ExpressionContext {
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Item>;
  readonly usedNames = new Set<string>();
  readonly usedValues = new Set<string>();

  constructor(names: Record<string, string>, values: Item) {
    this.names = names;
    this.values = values;
  }

  /** Refuses names and values the request gave but no expression used. */
  checkAllUsed(): void {
    const names = Object.keys(this.names).filter((name) => !this.usedNames.has(name));
    if (names.length > 0) throw validation(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${names.join(", ")}}`);
    const values = Object.keys(this.values).filter((name) => !this.usedValues.has(name));
    if (values.length > 0) throw validation(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${values.join(", ")}}`);
  }
}

/** Reads the tokens of `text`; a character no token starts with is a syntax error. */
export function tokenize(text: string, label: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space !== null) {
      at += space[0].length;
      continue;
    }
    const word = /^(#[A-Za-z0-9_]+|:[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*|\d+)/.exec(rest);
    if (word !== null) {
      const first = word[0][0]!;
      const type: TokenType = first === "#" ? "attribute-name" : first === ":" ? "attribute-value" : /\d/.test(first) ? "number" : "name";
      tokens.push({ type, text: word[0], start: at, end: at + word[0].length });
      at += word[0].length;
      continue;
    }
    const punct = PUNCT.find((each) => rest.startsWith(each));
    if (punct === undefined) throw syntaxError(label, text, rest[0]!, at, at + 1);
    tokens.push({ type: "punct", text: punct, start: at, end: at + punct.length });
    at += punct.length;
  }
  tokens.push({ type: "eof", text: "<EOF>", start: text.length, end: text.length });
  return tokens;
}

/** DynamoDB's syntax error: the offending token and the text around it. */
export function syntaxError(label: string, text: string, token: string, start: number, end: number): DynamoError {
  const before = text.slice(0, start).trimEnd();
  const previous = before.length === 0 ? 0 : Math.max(before.lastIndexOf(" ") + 1, 0);
  const after = text.slice(end).match(/^\s*\S+/)?.[0] ?? "";
  const near = text.slice(previous, end) + after;
  return validation(`Invalid ${label}: Syntax error; token: "${token}", near: "${near}"`);
}
