// Table-driven round-trip tests: one row per case, named "kind: situation".
// Every row gets the same checks (expectRoundTrip); rows run concurrently
// because each spawns two node processes.
import { createRequire } from "node:module";
import { test, type ExpectStatic } from "vitest";
import { roundTrip, textBlock, type CaseSource, type RoundTripResult } from "./round-trip.js";
import { SLOW_TEST_TIMEOUT_MS } from "./spawn-child.js";

const { describeValue } = createRequire(import.meta.url)("./describe.cjs") as {
  describeValue(value: unknown): Promise<unknown>;
};

export interface RoundTripCase extends CaseSource {
  /** "kind: situation", unique within its file. */
  name: string;
  /** Extra environment for child A (serialize) and child B (run the copy). */
  env?: { serialize?: Record<string, string>; run?: Record<string, string> };
  /** What the original's probe gives, as a plain value: checks the case itself. */
  expected?: unknown;
  /** What the copy's probe must give when it differs from the original on purpose. */
  expectedCopy?: unknown;
  /** The original's probe throws on purpose (the copy must then throw alike). */
  throws?: true;
  /** Exact `modules`, compared without a "node:" prefix and in any order. */
  modules?: string[];
  /** Further checks on the result. */
  check?: (result: RoundTripResult, expect: ExpectStatic) => void;
  /** Why the row cannot run on this machine; shown in the test name. */
  skip?: string | false;
}

/** Describes a plain value written in a test file, the way the children do. */
export function describePlain(value: unknown): Promise<unknown> {
  return describeValue(value);
}

/** Registers one concurrent test per row. */
export function roundTripTable(rows: readonly RoundTripCase[]): void {
  assertUniqueNames(rows);
  for (const row of rows) {
    if (row.skip) {
      test.skip(`${row.name} [skipped: ${row.skip}]`, () => {});
      continue;
    }
    const timeout = row.slow ? SLOW_TEST_TIMEOUT_MS : undefined;
    test.concurrent(
      row.name,
      async ({ expect }) => {
        const result = await roundTrip(row);
        await expectRoundTrip(expect, row, result);
      },
      timeout,
    );
  }
}

/** The checks every round-trip row gets. */
export async function expectRoundTrip(expect: ExpectStatic, row: RoundTripCase, result: RoundTripResult): Promise<void> {
  const text = textBlock(result.text);
  if ("expected" in row) {
    expect(result.original, "the original's probe result (the case itself is wrong?)").toEqual(await describePlain(row.expected));
  }
  const originalThrew = isThrew(result.original);
  expect(originalThrew, `the original's probe ${originalThrew ? "threw" : "did not throw"}`).toBe(row.throws === true);
  const wanted = "expectedCopy" in row ? await describePlain(row.expectedCopy) : result.original;
  expect(result.copy, `the copy's probe result differs\n${text}`).toEqual(wanted);
  expect(result.copyLogs, `the copy's console output differs\n${text}`).toEqual(result.originalLogs);
  expect(result.modules, "modules must be sorted and unique").toEqual([...new Set(result.modules)].sort());
  if (row.modules !== undefined) {
    expect(normalizeModules(result.modules), `modules\n${text}`).toEqual(normalizeModules(row.modules));
  }
  row.check?.(result, expect);
}

/** Builtins compared without "node:"; order ignored. */
export function normalizeModules(modules: readonly string[]): string[] {
  return modules.map((m) => m.replace(/^node:/, "")).sort();
}

function isThrew(description: unknown): boolean {
  return typeof description === "object" && description !== null && "threw" in description;
}

function assertUniqueNames(rows: readonly RoundTripCase[]): void {
  const seen = new Set<string>();
  for (const { name } of rows) {
    if (seen.has(name)) throw new Error(`duplicate row name: ${name}`);
    seen.add(name);
  }
}
