// Handler loading and calling, one table: module formats, export paths,
// async and callback handlers, and the errors Lambda's runtime reports.
import { describe, expect, it } from "vitest";
import type { InvokeResult } from "../src/index.js";
import { fixtureFunction } from "./support/functions.js";

interface Case {
  name: string;
  fixture: string;
  handler: string;
  event?: unknown;
  expect: (result: InvokeResult) => void;
}

const succeeds = (value: unknown) => (result: InvokeResult) => expect(result).toMatchObject({ ok: true, value });
const fails = (errorType: string, errorMessage: string | RegExp) => (result: InvokeResult) => {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.errorType).toBe(errorType);
  if (typeof errorMessage === "string") expect(result.error.errorMessage).toBe(errorMessage);
  else expect(result.error.errorMessage).toMatch(errorMessage);
  expect(Array.isArray(result.error.trace)).toBe(true);
};

const CASES: Case[] = [
  {
    name: "cjs: index.js in a commonjs package",
    fixture: "cjs",
    handler: "index.handler",
    event: { a: 1 },
    expect: (r) => expect(r).toMatchObject({ ok: true, value: { calls: 1, event: { a: 1 } } }),
  },
  {
    name: "esm: index.js in a type module package is imported",
    fixture: "esm",
    handler: "index.handler",
    event: "x",
    expect: succeeds({ format: "esm", calls: 1, event: "x" }),
  },
  { name: "mjs: nested export path", fixture: "mjs", handler: "app.handlers.main", event: [1], expect: succeeds({ nested: true, event: [1] }) },
  { name: "callback: answered through the callback", fixture: "cases", handler: "callback.handler", event: 7, expect: succeeds({ callback: true, event: 7 }) },
  { name: "callback: error through the callback", fixture: "cases", handler: "callback.fails", expect: fails("TypeError", "callback failure") },
  { name: "async: throws", fixture: "cases", handler: "behaviours.throws", expect: fails("RangeError", "out of range") },
  {
    name: "async: rejects with a string",
    fixture: "cases",
    handler: "behaviours.rejectsString",
    expect: (r) => expect(r).toMatchObject({ ok: false, error: { errorType: "string", errorMessage: "plain string", trace: [] } }),
  },
  { name: "async: undefined is null", fixture: "cases", handler: "behaviours.undefinedResult", expect: succeeds(null) },
  {
    name: "async: a result JSON cannot hold",
    fixture: "cases",
    handler: "behaviours.circular",
    expect: fails("Runtime.SerializationError", /^Unable to stringify response body: Converting circular structure to JSON\n/),
  },
  {
    name: "uncaught: an exception from a timer fails the invocation",
    fixture: "cases",
    handler: "behaviours.uncaught",
    expect: fails("Error", "thrown from a timer"),
  },
  { name: "init: module throws while loading", fixture: "cases", handler: "init-error.handler", expect: fails("Error", "cannot initialise") },
  {
    name: "init: syntax error",
    fixture: "cases",
    handler: "syntax-error.handler",
    expect: fails("Runtime.UserCodeSyntaxError", /^SyntaxError: Unexpected token/),
  },
  {
    name: "init: missing package",
    fixture: "cases",
    handler: "missing-import.handler",
    expect: fails("Runtime.ImportModuleError", /^Error: Cannot find module 'no-such-package-anywhere'/),
  },
  {
    name: "init: missing module",
    fixture: "cases",
    handler: "nowhere.handler",
    expect: fails("Runtime.ImportModuleError", /^Error: Cannot find module 'nowhere'/),
  },
  {
    name: "init: missing export",
    fixture: "cases",
    handler: "behaviours.nothing",
    expect: fails("Runtime.HandlerNotFound", "behaviours.nothing is undefined or not exported"),
  },
  {
    name: "init: export is not a function",
    fixture: "mjs",
    handler: "app.handlers.notAFunction",
    expect: fails("Runtime.HandlerNotFound", "app.handlers.notAFunction is not a function"),
  },
];

describe("handlers", () => {
  it.each(CASES)("$name", async (testCase) => {
    const fn = await fixtureFunction(testCase.fixture, { handler: testCase.handler });
    testCase.expect(await fn.invoke(testCase.event ?? {}));
  });

  it("init: loading that never finishes fails after the init timeout, and the next invocation starts again", async () => {
    const fn = await fixtureFunction("cases", { handler: "init-hangs.handler", initTimeout: 1 });
    const result = await fn.invoke({});
    const timedOut = { ok: false, error: { errorType: "Runtime.InitTimeout", errorMessage: "Init timed out after 1.00 seconds" } };
    expect(result).toMatchObject(timedOut);
    // A new instance is started, and fails the same way: nothing hangs.
    expect(await fn.invoke({})).toMatchObject(timedOut);
  });

  // The handler's timer logs when it fires; a log line belongs to the
  // invocation when it comes before END: it shows what the answer waited for.
  const messages = (result: InvokeResult) => result.logs.filter((record) => record.source !== "platform").map((record) => record.message);

  it("callback: the answer waits for the event loop to empty (the handler's timer)", async () => {
    const fn = await fixtureFunction("cases", { handler: "callback.waits" });
    const result = await fn.invoke({});
    expect(result).toMatchObject({ ok: true, value: "answered" });
    expect(messages(result)).toEqual(["timer fired"]);
  });

  it("callback: callbackWaitsForEmptyEventLoop false answers before the handler's timer fires", async () => {
    const fn = await fixtureFunction("cases", { handler: "callback.noWait" });
    const result = await fn.invoke({});
    expect(result).toMatchObject({ ok: true, value: "no wait" });
    expect(messages(result)).toEqual([]);
  });
});
