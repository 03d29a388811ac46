// The tokens of a JSON filter pattern: braces and parentheses, && and ||,
// comparison operators, selectors ($.a.b[0]), "quoted strings" (with \"
// escapes), %regular expressions%, numbers and bare words (IS, NULL, EXISTS,
// unquoted strings). Positions are kept for messages.
import { RuleError } from "../rule-error.js";

export interface Token {
  kind: "punct" | "&&" | "||" | "operator" | "selector" | "string" | "regex" | "number" | "word";
  text: string;
  position: number;
}

const PATTERNS: ReadonlyArray<readonly [Token["kind"], RegExp]> = [
  ["punct", /^[{}()]/],
  ["&&", /^&&/],
  ["||", /^\|\|/],
  ["operator", /^(!=|<=|>=|=|<|>)/],
  ["selector", /^\$[^\s(){}=!<>&|]*/],
  ["number", /^-?\d+(\.\d+)?([eE][-+]?\d+)?(?=[\s(){}&|]|$)/],
  ["word", /^[^\s(){}=!<>&|"%]+/],
];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space !== null) {
      at += space[0].length;
      continue;
    }
    if (rest[0] === '"' || rest[0] === "%") {
      const token = delimited(text, at, rest[0]);
      tokens.push(token);
      at = token.position + token.text.length + 2 + (token.kind === "string" ? escapes(text, at) : 0);
      continue;
    }
    const match = PATTERNS.map(([kind, regex]) => [kind, regex.exec(rest)] as const).find(([, found]) => found !== null);
    if (match === undefined)
      throw new RuleError(
        "INVALID_FILTER_PATTERN",
        `Invalid JSON filter pattern ${text}: unexpected ${JSON.stringify(rest[0])} at position ${at + 1}`,
        "pattern",
      );
    const [kind, found] = match;
    tokens.push({ kind: kind === "punct" ? "punct" : kind, text: found![0], position: at });
    at += found![0].length;
  }
  return tokens;
}

// A "string" (\" and \\ escape) or a %regex% from `start`.
function delimited(text: string, start: number, quote: string): Token {
  let value = "";
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at]!;
    if (char === "\\" && quote === '"' && at + 1 < text.length) value += text[++at];
    else if (char === quote) return { kind: quote === '"' ? "string" : "regex", text: value, position: start };
    else value += char;
  }
  throw new RuleError("INVALID_FILTER_PATTERN", `Invalid JSON filter pattern ${text}: unmatched ${quote} at position ${start + 1}`, "pattern");
}

/** How many escaping backslashes the string at `start` had (its source is longer than its text by that much). */
function escapes(text: string, start: number): number {
  let count = 0;
  for (let at = start + 1; at < text.length && text[at] !== '"'; at++) {
    if (text[at] === "\\") {
      count++;
      at++;
    }
  }
  return count;
}
