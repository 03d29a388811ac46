// Issue item 11: the same function and values give byte-identical text in any
// process and working directory, and the text holds no absolute path of the
// machine. Each row is serialized twice in one process (cache reuse) and
// once more in a second process with another case directory, cwd, TZ and
// umask.
import { homedir, tmpdir } from "node:os";
import { realpathSync } from "node:fs";
import { describe, test } from "vitest";
import { serializeIn, textBlock, type CaseSource, type SerializeOutcome } from "./support/round-trip.js";
import { createWorkspace, fixturesDir, repoRoot } from "./support/workspace.js";

interface DeterminismCase extends CaseSource {
  name: string;
}

const rows: DeterminismCase[] = [
  {
    name: "determinism: object graph with cycles and shared references",
    source: `const shared = { n: 1 };\nconst root = { a: shared, b: [shared, { deep: shared }], m: new Map([[shared, "s"]]) };\nroot.self = root;\nexports.fn = () => root;`,
  },
  {
    name: "determinism: closures sharing bindings and loop bindings",
    source: `let n = 0;\nconst inc = () => ++n;\nconst get = () => n;\nconst fns = [];\nfor (let i = 0; i < 3; i++) fns.push(() => i + get());\nexports.fn = () => [inc(), fns.map((g) => g())];`,
  },
  {
    name: "determinism: classes with private fields, statics and a subclass",
    source: `class A { #x = 1; static s = "s"; get x() { return this.#x; } }\nclass B extends A { y = 2; }\nconst b = new B();\nexports.fn = () => [b.x, b.y, B.s];`,
  },
  {
    name: "determinism: built-ins and unique symbols",
    source: `const k = Symbol("k");\nconst v = { [k]: new Set([1, 2]), d: new Date(0), r: /x/gi, e: new Error("e"), t: new Uint8Array([1, 2]), u: new URL("https://a.test/") };\nexports.fn = () => v;`,
  },
  {
    name: "determinism: module references and a project module",
    source: `const { join } = require("path");\nconst { greet } = require("fake-greeter");\nconst { tag } = require("./fixtures/local-util.cjs");\nexports.fn = () => tag(join(greet("a"), "b"));`,
  },
  {
    name: "determinism: ES module source emitted as an ES module",
    sourceFormat: "esm",
    source: `import { shout } from "fake-esm";\nimport { twice } from "./fixtures/local-esm.mjs";\nexport const fn = () => shout(String(twice(2)));`,
    options: { format: "esm" },
  },
  {
    // The second call in a process knows the arrows' `this` without a heap snapshot.
    name: "determinism: arrows capturing this, read once per process",
    source: `class Clock { constructor() { this.t = 0; this.tick = () => ++this.t; } }\nconst c = new Clock();\nconst o = { c, make() { return () => this.c.tick(); } };\nexports.fn = o.make();`,
  },
  {
    name: "determinism: many captured primitives",
    source: `const values = {};\nfor (let i = 0; i < 200; i++) values["v" + i] = i % 3 ? "s" + i : i;\nexports.fn = () => Object.keys(values).length;`,
  },
  {
    name: "determinism: a function using __filename and __dirname",
    // The values are absolute paths of the deploy machine by nature; unsure
    // how the serializer treats them, but they must not leak into the text.
    source: `const path = require("path");\nexports.fn = () => [path.basename(__filename), path.basename(__dirname)];`,
  },
];

/** Absolute paths of this machine that must not appear in any text. */
function machinePaths(workspaceRoots: string[]): string[] {
  const paths = [...workspaceRoots, realpathSync(tmpdir()), repoRoot, fixturesDir, process.cwd()];
  const home = homedir();
  if (home !== "/" && home !== "") paths.push(home);
  return [...new Set(paths)];
}

async function serializeOnce(row: DeterminismCase, settings: { cwd?: string; env: Record<string, string>; umask: number }) {
  const workspace = createWorkspace(row.source, row.sourceFormat ?? "cjs");
  try {
    const outcome: SerializeOutcome = await serializeIn(workspace, row, {
      ...(settings.cwd === undefined ? {} : { cwd: settings.cwd }),
      env: settings.env,
      umask: settings.umask,
      repeat: 2,
      captures: true,
    });
    return { outcome, root: workspace.root };
  } finally {
    workspace.dispose();
  }
}

describe.concurrent("determinism", () => {
  for (const row of rows) {
    test(row.name, async ({ expect }) => {
      const first = await serializeOnce(row, { env: { TZ: "UTC", LANG: "C" }, umask: 0o022 });
      const second = await serializeOnce(row, {
        cwd: repoRoot,
        env: { TZ: "Pacific/Chatham", LANG: "de_DE.UTF-8" },
        umask: 0o077,
      });
      const a = first.outcome;
      const b = second.outcome;
      if (!a.ok) return expect.unreachable(`refused: ${a.error.message}`);
      if (!b.ok) return expect.unreachable(`refused in the second process: ${b.error.message}`);
      expect(a.texts[1], "a second serialization in the same process differs").toBe(a.texts[0]);
      expect(b.text, `text differs between processes\n${textBlock(a.text)}`).toBe(a.text);
      expect(b.modules).toEqual(a.modules);
      expect(a.captures, "captures were asked for").toBeInstanceOf(Array);
      expect(b.captures).toEqual(a.captures);
      for (const path of machinePaths([first.root, second.root])) {
        expect(a.text, `the text contains the machine path ${path}`).not.toContain(path);
      }
    });
  }
});
