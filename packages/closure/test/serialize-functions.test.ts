// serializeFunctions: the functions of one program serialized together, with
// at most one heap snapshot for all of them, each text identical to what
// serializeFunction gives for that function alone in a fresh process, and
// each copy behaving like its original. Snapshots are counted through the
// serializer's diagnostics channel (HEAP_SNAPSHOT_CHANNEL).
import { join } from "node:path";
import { describe, test } from "vitest";
import { runCopy, serializeIn, textBlock, DEFAULT_PROBE } from "./support/round-trip.js";
import { baseEnv, runChild } from "./support/spawn-child.js";
import { createWorkspace, type Workspace } from "./support/workspace.js";
import { describePlain } from "./support/table.js";

interface BatchRow {
  name: string;
  /** Module text defining `fns`, an array of { fn, options? }. */
  source: string;
  /** Heap snapshots the batch takes. */
  snapshots: number;
  /** What each original's probe `(f) => f()` gives, in order, each in a fresh process. */
  expected: unknown[];
  /** What each copy gives, where it differs on purpose. */
  expectedCopy?: unknown[];
}

// Each row's module also exports one of its functions as `fn` (chosen by
// PICK), so serializeFunction can be run on it alone.
const PICK = `\nexports.fns = fns;\nif (process.env.PICK !== undefined) { exports.fn = fns[Number(process.env.PICK)].fn; exports.options = fns[Number(process.env.PICK)].options; }\n`;
const counter = `function makeCounter() { let n = 0; return { inc: () => ++n, get: () => n }; }\n`;
const clock = `class Clock { constructor(t) { this.t = t; this.tick = () => ++this.t; } }\n`;

const rows: BatchRow[] = [
  {
    name: "batch: closures nothing in a snapshot decides take none",
    source: `const config = { a: 1 };\nlet calls = 0;\nconst fns = [{ fn: () => config.a + ++calls }, { fn: () => [config.a, calls], options: { exportName: "second" } }];`,
    snapshots: 0,
    expected: [2, [1, 0]],
  },
  {
    name: "batch: arrows capturing this in three functions take one snapshot",
    source: `${clock}const a = new Clock(0), b = new Clock(10), c = new Clock(20);\nconst fns = [{ fn: a.tick }, { fn: b.tick }, { fn: () => [c.tick(), a.tick()] }];`,
    snapshots: 1,
    expected: [1, 11, [21, 1]],
  },
  {
    name: "batch: a written binding shared by two closures and an arrow's this, in different functions, take one snapshot",
    source: `${counter}${clock}const k = makeCounter();\nconst c = new Clock(5);\nconst fns = [{ fn: () => [k.inc(), k.get()] }, { fn: c.tick, options: { format: "esm" } }];`,
    snapshots: 1,
    expected: [[1, 1], 6],
  },
  {
    name: "batch: a shared written binding reached only through an arrow's this takes one snapshot",
    source: `${counter}class Holder { constructor() { this.k = makeCounter(); this.run = () => [this.k.inc(), this.k.get()]; } }\nconst h = new Holder();\nconst fns = [{ fn: h.run }, { fn: () => h.run() }];`,
    snapshots: 1,
    expected: [
      [1, 1],
      [1, 1],
    ],
  },
  {
    // Walked twice (before and after the snapshot), read once: the method throws on a second call.
    name: "batch: a rebuild method shared by two functions runs once",
    source: `${clock}let calls = 0;\nconst out = { [Symbol.for("closure-pack.rebuild")]() { if (calls++) throw new Error("called twice"); return { fn: () => ({ v: "x" }) }; } };\nconst c = new Clock(0);\nconst fns = [{ fn: () => [out.v, c.tick()] }, { fn: () => out.v }];`,
    snapshots: 1,
    expected: [[undefined, 1], undefined],
    expectedCopy: [["x", 1], "x"],
  },
];

async function serializeBatch(workspace: Workspace): Promise<{ texts: string[]; modules: string[][]; snapshots: number }> {
  const payload = await runChild({
    script: "child-batch.cjs",
    requestPath: join(workspace.root, "batch-request.json"),
    cwd: workspace.caseDir,
    env: { ...baseEnv(), HOME: workspace.root },
    request: { casePath: workspace.casePath, sourceFormat: "cjs" },
  });
  if (!("texts" in payload)) throw new Error(`the batch failed: ${JSON.stringify(payload)}`);
  return payload as { texts: string[]; modules: string[][]; snapshots: number };
}

describe.concurrent("serializeFunctions", () => {
  for (const row of rows) {
    test(row.name, async ({ expect }) => {
      const source = `${row.source}${PICK}`;
      const workspace = createWorkspace(source, "cjs");
      try {
        const batch = await serializeBatch(workspace);
        expect(batch.snapshots, "heap snapshots taken by the batch").toBe(row.snapshots);
        for (const [i, text] of batch.texts.entries()) {
          const alone = await serializeIn(workspace, { source }, { env: { PICK: String(i) } });
          if (!alone.ok) return expect.unreachable(alone.error.message);
          expect(text, `function ${i}: the batch's text differs from serializeFunction's alone\n${textBlock(alone.text)}`).toBe(alone.text);
          expect(batch.modules[i]).toEqual(alone.modules);
          expect(alone.original).toEqual(await describePlain(row.expected[i]));
          const format = /export \{/.test(text) ? "esm" : "cjs";
          const copy = await runCopy(workspace, alone, { source, probe: DEFAULT_PROBE, options: { format, exportName: alone.exportName } });
          const wanted = row.expectedCopy ? await describePlain(row.expectedCopy[i]) : alone.original;
          expect(copy.result, `function ${i}: the copy differs\n${textBlock(text)}`).toEqual(wanted);
        }
      } finally {
        workspace.dispose();
      }
    });
  }
});
