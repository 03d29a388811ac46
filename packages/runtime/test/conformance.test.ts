// Conformance with AWS's own runtime interface client: the same fixtures run
// through closure-pack's bootstrap and through aws-lambda-ric, both talking to
// our Runtime API server, must answer alike. aws-lambda-ric builds native code
// (it needs autoconf, automake and libtool), so it is not a dependency: the
// table runs when it is installed (CLOSURE_PACK_RIC=<its folder>, or
// resolvable from the repository) and is skipped with that reason otherwise.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { InvokeResult } from "../src/index.js";
import { fixtureFunction } from "./support/functions.js";

function findRic(): string | undefined {
  const explicit = process.env["CLOSURE_PACK_RIC"];
  if (explicit && existsSync(join(explicit, "package.json"))) return explicit;
  try {
    return dirname(createRequire(import.meta.url).resolve("aws-lambda-ric/package.json"));
  } catch {
    return undefined;
  }
}

function ricCommand(root: string, handler: string): { command: string; args: string[] } {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  return { command: process.execPath, args: [join(root, bin ?? "bin/index.mjs"), handler] };
}

// Values that differ between any two instances or calls, whoever runs them.
const VOLATILE = new Set(["pid", "awsRequestId", "logStreamName", "remaining"]);

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !VOLATILE.has(key))
        .map(([key, each]) => [key, stable(each)]),
    );
  }
  return value;
}

/** What both clients must agree on. */
function summary(result: InvokeResult): unknown {
  return result.ok ? { ok: true, value: stable(result.value) } : { ok: false, errorType: result.error.errorType };
}

const CASES: Array<{ name: string; fixture: string; handler: string; event: unknown }> = [
  { name: "conformance: CommonJS async handler", fixture: "cjs", handler: "index.handler", event: { name: "ric" } },
  { name: "conformance: ES module handler", fixture: "esm", handler: "index.handler", event: { name: "ric" } },
  { name: "conformance: nested export in an .mjs file", fixture: "mjs", handler: "app.handlers.main", event: { name: "ric" } },
  { name: "conformance: callback handler", fixture: "cases", handler: "callback.handler", event: {} },
  { name: "conformance: handler that throws", fixture: "cases", handler: "behaviours.throws", event: {} },
  { name: "conformance: missing export", fixture: "cases", handler: "behaviours.nothing", event: {} },
];

const ric = findRic();

describe("runtimeClient option", () => {
  it("runtime client: another client is really started (a missing one fails the init)", async () => {
    const fn = await fixtureFunction("cjs", { runtimeClient: { command: process.execPath, args: ["/nonexistent/closure-pack-client.mjs"] }, initTimeout: 5 });
    expect(await fn.invoke({})).toMatchObject({ ok: false, error: { errorType: "Runtime.ExitError" } });
  });
});

describe.skipIf(ric === undefined)("aws-lambda-ric conformance (skipped: aws-lambda-ric is not installed)", () => {
  it.each(CASES)("$name", async (row) => {
    const ours = await fixtureFunction(row.fixture, { handler: row.handler });
    const theirs = await fixtureFunction(row.fixture, { handler: row.handler, runtimeClient: ricCommand(ric!, row.handler) });
    expect(summary(await theirs.invoke(row.event))).toEqual(summary(await ours.invoke(row.event)));
  });
});
