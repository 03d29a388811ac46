// Benchmark (issue 13, SQS): messages into a function through a Lambda event
// source mapping (batch 10) on the local cloud, through the real daemon (a
// child process on a free port) with the SDK clients users have:
//  - send → handler latency on a warm function, p50 / p99 of sequential
//    sends, beside (same run) a long-polling SDK client in this process (SQS
//    alone) and Invoke with InvocationType Event (Lambda's async path alone);
//  - send → handler → delete throughput: a backlog of 1,000 and of 10,000
//    messages drained by a mapping, beside one SDK client loop (receive 10,
//    handle, DeleteMessageBatch) against the local cloud and against
//    moto_server, the anchor.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { startDaemon, stopDaemon } from "@closure-pack/cloud";
import { machineFacts } from "./lib/machine.mjs";
import { ensureBuilt, root } from "./lib/prepare.mjs";
import { progress } from "./lib/stats.mjs";
import { Arrivals, drainByClient, drainByMapping, latencies, startConsumer } from "./sqs/measure.mjs";
import { clientsFor, createFunction, createQueue, startMoto, subscribe } from "./sqs/setup.mjs";

// The SDK warns once per process that Node 20 support ends in 2027; the table need not say so.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const quick = process.argv.includes("--quick");
const sizes = quick
  ? { warmUp: 20, latency: 100, backlogs: [1_000, 2_000], moto: [200, 500] }
  : { warmUp: 50, latency: 300, backlogs: [1_000, 10_000], moto: [500, 2_000] };
const targets = { messagesPerSecond: 1_000 };

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const fmt = (n) => n.toFixed(2);
const int = (n) => Math.round(n).toLocaleString("en-US");

/** Sequential latencies through the mapping, a client in this process and Invoke (Event), interleaved in rounds so load weighs on all alike. */
async function measureLatency(clients, arrivals, count, prefix) {
  const mapped = await createQueue(clients, `bench-${prefix}-mapped`);
  await subscribe(clients, mapped);
  const direct = await createQueue(clients, `bench-${prefix}-direct`);
  const consumer = startConsumer(clients.sqs, direct.url);
  const sendTo = (url) => (key) => clients.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: key }));
  const invoke = (key) =>
    clients.lambda.send(
      new InvokeCommand({ FunctionName: "bench-sqs", InvocationType: "Event", Payload: Buffer.from(JSON.stringify({ Records: [{ body: key }] })) }),
    );
  const rows = { mapping: [], client: [], invoke: [] };
  try {
    for (let i = 0; i < count; i++) {
      rows.mapping.push(...(await latencies(arrivals, 1, `${prefix}-m${i}`, sendTo(mapped.url))));
      rows.client.push(...(await latencies(consumer, 1, `${prefix}-c${i}`, sendTo(direct.url))));
      rows.invoke.push(...(await latencies(arrivals, 1, `${prefix}-e${i}`, invoke)));
    }
  } finally {
    await consumer.stop();
  }
  return rows;
}

function report(latency, mapping, local, moto) {
  const { commit, node, machine } = machineFacts(root);
  const row = (name, times) =>
    `| ${name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 99))} | ${(percentile(times, 50) / percentile(latency.client, 50)).toFixed(2)}x |`;
  const throughput = (name, runs, counts) => runs.map((run, i) => `| ${name} | ${int(counts[i])} | ${int(run.perSecond)} |`);
  const goals = mapping.map(
    (run, i) =>
      `- mapping, ${int(sizes.backlogs[i])} queued: ${int(run.perSecond)} messages/s (target ≥ ${int(targets.messagesPerSecond)}) ${run.perSecond >= targets.messagesPerSecond ? "met" : "MISSED"}`,
  );
  return [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `The real daemon (a child process) and one function (nodejs22.x, 128 MB, default concurrency) whose handler appends the time it starts to a file, per record; ${sizes.warmUp} warm-up rounds and a warm-up backlog of ${int(sizes.warmUp * 10)} drained through a mapping, then ${int(sizes.latency)} rounds of one sequential send to each path in turn.`,
    "",
    "| path, warm function | p50 ms | p99 ms | p50 / SQS alone |",
    "| --- | --- | --- | --- |",
    row("SendMessage → event source mapping (batch 10) → handler starts", latency.mapping),
    row("SendMessage → a long-polling SDK client in the benchmark (SQS alone, the baseline)", latency.client),
    row("Invoke (Event) → handler starts (Lambda's async path alone)", latency.invoke),
    "",
    "Throughput, send → handler → delete: a backlog queued first (SendMessageBatch, 8 senders), then drained; messages/s until every message was handled and the queue is empty.",
    "",
    "| consumer | queued | messages/s |",
    "| --- | --- | --- |",
    ...throughput("event source mapping, batch 10 → function (local cloud)", mapping, sizes.backlogs),
    ...throughput("one SDK client loop: receive 10, DeleteMessageBatch (local cloud)", local, sizes.backlogs),
    ...(moto === undefined
      ? ["| moto_server (anchor) | not installed: skipped | |"]
      : throughput("the same client loop against moto_server (anchor)", moto, sizes.moto)),
    "",
    "Targets (issue 13):",
    ...goals,
    "",
  ].join("\n");
}

async function main() {
  progress(`sources-sqs: dist ${ensureBuilt()}`);
  const dataDir = mkdtempSync(join(tmpdir(), "bench-sources-sqs-"));
  const out = join(dataDir, "arrivals.txt");
  const daemon = await startDaemon({ dataDir: join(dataDir, "cloud"), port: 0 });
  const clients = clientsFor(daemon.endpoint);
  const moto = await startMoto();
  try {
    await createFunction(clients, out);
    const arrivals = new Arrivals(out);
    progress(`warm-up (${sizes.warmUp} rounds)...`);
    await measureLatency(clients, arrivals, sizes.warmUp, "warm");
    progress(`latency (${sizes.latency} rounds)...`);
    const latency = await measureLatency(clients, arrivals, sizes.latency, "lat");
    // Every instance a drain scales to is started once before the drains are measured.
    progress(`warm-up: a backlog of ${int(sizes.warmUp * 10)} drained by a mapping...`);
    await drainByMapping(clients, arrivals, "warmdrain", sizes.warmUp * 10);
    const mapping = [];
    const local = [];
    for (const count of sizes.backlogs) {
      progress(`backlog of ${int(count)}: the mapping, then one client loop...`);
      mapping.push(await drainByMapping(clients, arrivals, `map${count}`, count));
      local.push(await drainByClient(clients, `loop${count}`, count));
    }
    let anchor;
    if (moto !== undefined) {
      const motoClients = clientsFor(moto.endpoint);
      anchor = [];
      for (const count of sizes.moto) {
        progress(`moto_server: backlog of ${int(count)}, one client loop...`);
        anchor.push(await drainByClient(motoClients, `moto${count}`, count));
      }
      for (const client of Object.values(motoClients)) client.destroy();
    }
    console.log(report(latency, mapping, local, anchor));
  } finally {
    for (const client of Object.values(clients)) client.destroy();
    await moto?.stop();
    await stopDaemon(join(dataDir, "cloud"));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
