// The main job end to end: serialize a live handler closure, write the
// module, run it in a fresh `node` with nothing but builtins, and compare
// with calling the original. `npm run demo [-- path/to/handler.cjs]`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serializeFunction } from "@closure-pack/closure";

const entry = resolve(process.argv[2] ?? "fixtures/demo/handler.cjs");
const events = [{ name: "Ada", lang: "fr" }, { name: "Grace" }, { name: "Linus", lang: "en" }];
const original = createRequire(import.meta.url)(entry).handler;

const started = performance.now();
const { text, modules, captures } = await serializeFunction(original);
const elapsed = performance.now() - started;
const dir = mkdtempSync(join(tmpdir(), "closure-pack-demo-"));
try {
  writeFileSync(join(dir, "index.cjs"), text);
  const runner = `const { handler } = require("./index.cjs");
(async () => { const out = []; for (const e of ${JSON.stringify(events)}) out.push(await handler(e)); console.log(JSON.stringify(out)); })();`;
  const copy = execFileSync(process.execPath, ["-e", runner], { cwd: dir, env: { PATH: process.env.PATH, STAGE: "prod" } })
    .toString()
    .trim();
  process.env.STAGE = "prod";
  const expected = [];
  for (const event of events) expected.push(await original(event));
  console.log(text);
  console.log(
    `serialized ${entry} in ${elapsed.toFixed(1)} ms: ${text.length} bytes, ${captures.length} captured values, modules: ${modules.join(", ") || "none"}`,
  );
  console.log(`copy     ${copy}`);
  console.log(`original ${JSON.stringify(expected)}`);
  if (copy !== JSON.stringify(expected)) {
    console.error("MISMATCH: the serialized copy behaves differently");
    process.exitCode = 1;
  } else console.log("ok: the copy, run in a fresh node process, behaves like the original");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
