// `npm run bench -- heap-snapshot`: the serializations that need a heap
// snapshot (a written binding shared by two closures of one call, an arrow
// capturing `this`), in a process that loaded @aws-sdk/client-s3 as real
// handlers do, beside their floor: one bare HeapProfiler.takeHeapSnapshot in
// the same process. Then five such functions alone and with serializeFunctions
// (one snapshot for all), with the snapshots counted on HEAP_SNAPSHOT_CHANNEL.
import { subscribe } from "node:diagnostics_channel";
import { Session } from "node:inspector";
import { createRequire } from "node:module";
import { median, progress } from "./lib/stats.mjs";

const require = createRequire(import.meta.url);
require("@aws-sdk/client-s3");
const { serializeFunction, serializeFunctions, HEAP_SNAPSHOT_CHANNEL } = require("@closure-pack/closure");

const runs = process.argv.includes("--quick") ? 3 : 9;
let snapshots = 0;
subscribe(HEAP_SNAPSHOT_CHANNEL, () => snapshots++);

function makeCounter() {
  let n = 0;
  return { inc: () => ++n, get: () => n };
}
class Clock {
  constructor() {
    this.t = 0;
    this.tick = () => ++this.t;
  }
}
// Fresh functions each run: an arrow's `this` is read once per process.
const workloads = {
  "closure over a written binding shared with another closure": () => {
    const counter = makeCounter();
    return () => [counter.inc(), counter.get()];
  },
  "arrow capturing this": () => new Clock().tick,
};

async function time(task) {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const session = new Session();
session.connect();
session.on("HeapProfiler.addHeapSnapshotChunk", () => {});
const floor = [];
const rows = [];
for (const [name, make] of Object.entries(workloads)) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await time(() => serializeFunction(make())));
    floor.push(await time(() => session.post("HeapProfiler.takeHeapSnapshot", { captureNumericValue: true }, () => session.post("HeapProfiler.disable"))));
    progress(`${name}: run ${i + 1}/${runs}`);
  }
  rows.push({ name, ms: median(times) });
}
const floorMs = median(floor);
console.log(`heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, median of ${runs} runs\n`);
console.log("| workload | closure-pack (ms) | floor: one bare heap snapshot (ms) | closure-pack / floor |");
console.log("| --- | --- | --- | --- |");
for (const { name, ms } of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${floorMs.toFixed(0)} | ${(ms / floorMs).toFixed(2)}x |`);

const five = () => Array.from({ length: 5 }, () => ({ fn: workloads["closure over a written binding shared with another closure"]() }));
snapshots = 0;
const aloneMs = await time(async () => {
  for (const item of five()) await serializeFunction(item.fn);
});
const aloneSnapshots = snapshots;
snapshots = 0;
const togetherMs = await time(() => serializeFunctions(five()));
console.log("\n| five such functions | ms | heap snapshots |");
console.log("| --- | --- | --- |");
console.log(`| serializeFunction, one at a time | ${aloneMs.toFixed(0)} | ${aloneSnapshots} |`);
console.log(`| serializeFunctions, together | ${togetherMs.toFixed(0)} | ${snapshots} |`);
session.disconnect();
