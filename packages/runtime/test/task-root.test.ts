// A folder is a task root, as /var/task is on Lambda: fixtures/runtime/task-root
// sits in this repository, whose package.json says "type": "module" and whose
// node_modules holds jszip; neither may change how the function's code loads.
import { describe, expect, it } from "vitest";
import type { InvokeResult } from "../src/index.js";
import { FIXTURES, fixtureFunction } from "./support/functions.js";

const ROOT = `${FIXTURES}task-root`;

const CASES: Array<[string, string, InvokeResult["ok"], unknown]> = [
  ["require: a .js file with no package.json in the root is CommonJS", "index.handler", true, { format: "commonjs", lib: "lib" }],
  ["import: a .js file an ES module imports is CommonJS too", "esm.handler", true, { lib: "lib" }],
  [
    "require: a package installed above the root is not found",
    "index.outside",
    false,
    { errorType: "Error", errorMessage: `Cannot find module 'jszip'\nRequire stack:\n- ${ROOT}/index.js\n- ${ROOT}/__closure_pack_bootstrap__.js` },
  ],
  [
    "import: a package installed above the root is not found",
    "esm.outside",
    false,
    { errorType: "Error", errorMessage: `Cannot find package 'jszip' imported from ${ROOT}/esm.mjs` },
  ],
];

describe("task root", () => {
  it.each(CASES)("%s", async (_name, handler, ok, expected) => {
    const fn = await fixtureFunction("task-root", { handler });
    const result = await fn.invoke({});
    expect(result.ok).toBe(ok);
    expect(result.ok ? result.value : { errorType: result.error.errorType, errorMessage: result.error.errorMessage }).toEqual(expected);
  });
});
