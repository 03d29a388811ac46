// CloudWatch Logs filter patterns: terms, JSON and space-delimited, each row
// a pattern and the messages of one table it keeps; and what is refused.
import { describe, expect, it } from "vitest";
import { compileFilterPattern, RuleError } from "../src/index.js";
import { thrown } from "./support.js";

const MESSAGES = [
  "ERROR disk full",
  "WARN slow request",
  '{"level":"ERROR","latency":250,"user":{"id":7,"name":"ann"},"tags":["a","test-1"],"error":null,"ok":true}',
  '{"level":"INFO","latency":12,"user":{"id":8},"tags":[],"ok":false,"path":"/api/items"}',
  '127.0.0.1 frank [10/Oct/2000:13:55:36 -0700] "GET /index.html HTTP/1.0" 404 2326',
  '10.0.0.7 - [10/Oct/2000:13:56:01 -0700] "POST /login HTTP/1.0" 200 532',
];

const KEPT: Array<[string, string, number[]]> = [
  ["terms: one, anywhere in the message", "ERROR", [0, 2]],
  ["terms: a quoted phrase", '"slow request"', [1]],
  ["terms: ?any", "?WARN ?full", [0, 1]],
  ["terms: -exclusion", "ERROR -disk", [2]],
  ["json: string equality", '{ $.level = "ERROR" }', [2]],
  ["json: unquoted string", "{ $.level = INFO }", [3]],
  ["json: wildcard", '{ $.level = "ERR*" }', [2]],
  ["json: inequality", '{ $.level != "ERROR" }', [3]],
  ["json: numbers", "{ $.latency > 100 }", [2]],
  ["json: <= and nested", "{ $.user.id <= 7 }", [2]],
  ["json: &&", '{ $.level = "ERROR" && $.latency < 100 }', []],
  ["json: || and parentheses", '{ ($.latency < 20 || $.user.name = "ann") && $.ok IS TRUE }', [2]],
  ["json: array index", '{ $.tags[1] = "test*" }', [2]],
  ["json: any element of an array", '{ $.tags = "a" }', [2]],
  ["json: IS NULL", "{ $.error IS NULL }", [2]],
  ["json: NOT EXISTS", "{ $.error NOT EXISTS }", [3]],
  ["json: IS FALSE", "{ $.ok IS FALSE }", [3]],
  ["json: regex", "{ $.path = %^/api/% }", [3]],
  ["space-delimited: named fields with a condition", "[ip, user, timestamp, request, status_code = 404, bytes]", [4]],
  ["space-delimited: ellipsis", "[..., status_code = 2*, bytes]", [5]],
  ["space-delimited: numeric and ||", "[ip, ..., status = 404 || status = 200, bytes > 1000]", [4]],
  ["space-delimited: wrong field count", "[a, b]", []],
];

describe("logs filter patterns", () => {
  it.each(KEPT)("%s", (_name, pattern, kept) => {
    const matches = compileFilterPattern(pattern);
    expect(MESSAGES.flatMap((message, index) => (matches(message) ? [index] : []))).toEqual(kept);
  });

  it.each([
    ["terms: an unmatched quote", '"disk full', 'unmatched quote at position 1 of "disk full'],
    ["json: no closing brace", '{ $.level = "ERROR"', 'Invalid JSON filter pattern { $.level = "ERROR": expected "}" at position 20, found the end'],
    ["json: no operator", "{ $.level }", 'Invalid JSON filter pattern { $.level }: expected an operator (=, !=, <, <=, >, >=) at position 11, found "}"'],
    [
      "json: a string with >",
      '{ $.level > "x" }',
      'Invalid JSON filter pattern { $.level > "x" }: expected a number after a numeric comparison at position 13, found "x"',
    ],
    ["json: IS what", "{ $.x IS MAYBE }", 'Invalid JSON filter pattern { $.x IS MAYBE }: expected NULL, TRUE or FALSE after IS at position 10, found "MAYBE"'],
    ["space-delimited: an empty field", "[a,,b]", "Invalid space-delimited filter pattern [a,,b]: a field name is missing between commas"],
  ])("refused: %s", (_name, pattern, message) => {
    const error = thrown(() => compileFilterPattern(pattern));
    expect([error instanceof RuleError, error.code, error.message]).toEqual([true, "INVALID_FILTER_PATTERN", message]);
  });
});
