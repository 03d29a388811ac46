// Did-you-mean, one table: what is suggested for a mistyped name among the
// candidates, and what is not (too far, a tie, two names it starts).
import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../src/suggest.js";

const COMMANDS = [
  "pack",
  "print",
  "hash",
  "diff",
  "invoke",
  "event",
  "events",
  "up",
  "preview",
  "destroy",
  "stack",
  "logs",
  "cloud",
  "s3",
  "sqs",
  "sns",
  "kinesis",
  "dynamodb",
];

describe("suggest", () => {
  it.each([
    { name: "a letter missing", typed: "invok", candidates: COMMANDS, meant: "invoke" },
    { name: "two letters swapped", typed: "dfif", candidates: COMMANDS, meant: "diff" },
    { name: "a letter wrong", typed: "cloub", candidates: COMMANDS, meant: "cloud" },
    { name: "two edits", typed: "prevew", candidates: COMMANDS, meant: "preview" },
    { name: "the closest of two", typed: "evnts", candidates: COMMANDS, meant: "events" },
    { name: "the start of one name", typed: "dynam", candidates: COMMANDS, meant: "dynamodb" },
    { name: "a flag's start", typed: "endpoint", candidates: ["endpoint-url", "json"], meant: "endpoint-url" },
    { name: "three edits away", typed: "frobnicate", candidates: COMMANDS, meant: undefined },
    { name: "a tie: sqs or sns", typed: "sxs", candidates: COMMANDS, meant: undefined },
    { name: "two letters, nothing in place", typed: "mv", candidates: ["cp", "ls", "rm"], meant: undefined },
    { name: "the start of two names", typed: "p", candidates: ["pack", "print"], meant: undefined },
    { name: "nothing typed", typed: "", candidates: COMMANDS, meant: undefined },
  ])("suggest: $name", ({ typed, candidates, meant }) => {
    expect(suggest(typed, candidates)).toBe(meant);
  });

  it.each([
    ["invok", "invoke", 1],
    ["dfif", "diff", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ] as const)("distance: %s to %s is %i", (a, b, distance) => {
    expect([editDistance(a, b), editDistance(b, a)]).toEqual([distance, distance]);
  });
});
