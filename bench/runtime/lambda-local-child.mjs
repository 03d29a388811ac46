// One fresh process measuring lambda-local (bench/runtime.mjs runs it):
// `cold` times the first lambdaLocal.execute() after lambda-local is loaded;
// `warm` times `invokes` sequential executes after a warm-up; `throughput`
// runs `events` executes at most `concurrency` at a time. Prints one line
// RESULT_PREFIX and JSON on stdout.
import { createRequire } from "node:module";
import { RESULT_PREFIX } from "../lib/result-line.mjs";

const [mode, handlerPath, peersDir, count, concurrency] = process.argv.slice(2);
const require = createRequire(`${peersDir}/package.json`);
// A name in a variable: CI type-checks this file without bench/peers installed.
const LAMBDA_LOCAL = "lambda-local";
const started = performance.now();
const lambdaLocal = require(LAMBDA_LOCAL);
const requireMs = performance.now() - started;

const execute = (n) => lambdaLocal.execute({ event: { n }, lambdaPath: handlerPath, lambdaHandler: "handler", timeoutMs: 3000, verboseLevel: 0 });

async function check(n) {
  const value = await execute(n);
  if (value?.n !== n) throw new Error(`lambda-local answered ${JSON.stringify(value)} for n=${n}`);
}

const result = { requireMs };
if (mode === "cold") {
  const t = performance.now();
  await check(1);
  result.coldMs = performance.now() - t;
} else if (mode === "warm") {
  for (let i = 0; i < 50; i++) await check(i);
  const times = [];
  for (let i = 0; i < Number(count); i++) {
    const t = performance.now();
    await check(i);
    times.push(performance.now() - t);
  }
  result.times = times;
} else if (mode === "throughput") {
  for (let i = 0; i < 50; i++) await check(i);
  const total = Number(count);
  let next = 0;
  const worker = async () => {
    while (next < total) await check(next++);
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  result.ms = performance.now() - t;
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
