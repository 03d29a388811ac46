// Benchmark (issue 12, "the S3 wire API itself"): the same @aws-sdk/client-s3
// client (path-style, default checksums) doing 1 KiB PutObject and GetObject
// against the local cloud's daemon and against moto_server (the anchor), in
// the same run; then against the daemon again with 100,000 objects in the
// bucket, seeded through the API (PutObject of 16 bytes, 32 in flight), and
// ListObjectsV2 pages there. A do-nothing HTTP server answering the same calls
// gives the client's own cost, the floor under every figure. Prints markdown
// on stdout; progress on stderr.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { daemonEntryPath } from "@closure-pack/cloud";
import { machineFacts } from "./lib/machine.mjs";
import { ensureBuilt, root } from "./lib/prepare.mjs";
import { progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const sizes = quick ? { samples: 300, seeded: 20_000, lists: 10 } : { samples: 2_000, seeded: 100_000, lists: 30 };
const WARM_UP = 200;
const SEED_CONCURRENCY = 32;
const BODY = Buffer.alloc(1024, 97);
const targets = { ratio: 3, unchangedWithin: 1.25 };

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function client(endpoint) {
  return new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

async function startDaemon() {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-cloud-s3-"));
  const child = spawn(process.execPath, [daemonEntryPath(), "--data", dataDir, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`daemon exited with ${code}`)));
  });
  const ready = JSON.parse(line);
  if (ready.endpoint === undefined) throw new Error(`daemon did not start: ${line}`);
  return {
    endpoint: ready.endpoint,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Answers PutObject with an ETag and GetObject with 1 KiB, doing nothing else:
// what remains is the SDK's cost and the loopback round trip.
const NULL_SERVER = `
import { createServer } from "node:http";
const body = Buffer.alloc(1024, 97);
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const headers = { etag: '"00000000000000000000000000000000"', "content-length": request.method === "GET" ? body.length : 0 };
    response.writeHead(200, headers);
    response.end(request.method === "GET" ? body : undefined);
  });
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
`;

async function startNullServer() {
  const child = spawn(process.execPath, ["--input-type=module", "-e", NULL_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`null server exited with ${code}`)));
  });
  return { endpoint: `http://127.0.0.1:${JSON.parse(line).port}`, stop: async () => void child.kill("SIGTERM") };
}

async function measureFloor() {
  const server = await startNullServer();
  const s3 = client(server.endpoint);
  try {
    progress(`null server: ${sizes.samples} puts and gets...`);
    return { empty: await putGet(s3, "bench-bucket", "empty") };
  } finally {
    s3.destroy();
    await server.stop();
  }
}

async function startMoto() {
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const failed = new Promise((_, reject) => child.once("error", reject));
  failed.catch(() => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    const up = await Promise.race([fetch(`${endpoint}/moto-api/`).then(() => true, () => false), failed]);
    if (up) break;
    if (i > 150) throw new Error("moto_server did not answer within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { endpoint, stop: async () => void child.kill("SIGTERM") };
}

/** Sequential 1 KiB PutObject then GetObject (body read) of `samples` fresh keys, after warm-ups. */
async function putGet(s3, bucket, label) {
  for (let i = 0; i < WARM_UP; i++) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${label}/warm-${i}`, Body: BODY }));
  const puts = [];
  for (let i = 0; i < sizes.samples; i++) {
    const started = performance.now();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${label}/${i}`, Body: BODY }));
    puts.push(performance.now() - started);
  }
  const gets = [];
  for (let i = 0; i < sizes.samples; i++) {
    const started = performance.now();
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${label}/${i}` }));
    await response.Body.transformToByteArray();
    gets.push(performance.now() - started);
  }
  return { putP50: percentile(puts, 50), putP99: percentile(puts, 99), getP50: percentile(gets, 50), getP99: percentile(gets, 99) };
}

/** Fills the bucket to `count` objects through the API, SEED_CONCURRENCY requests in flight. */
async function seed(s3, bucket, count) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `seed/${String(i).padStart(6, "0")}`, Body: "sixteen bytes..." }));
      if (i % 10_000 === 0 && i > 0) progress(`  seeded ${i.toLocaleString("en-US")}`);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000 };
}

/** p50 of a first page of 1,000 keys, and of a delimited page starting mid-bucket. */
async function listings(s3, bucket, count) {
  const time = async (input) => {
    const times = [];
    for (let i = 0; i < sizes.lists; i++) {
      const started = performance.now();
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ...input }));
      times.push(performance.now() - started);
      if ((page.KeyCount ?? 0) === 0) throw new Error(`empty listing for ${JSON.stringify(input)}`);
    }
    return percentile(times, 50);
  };
  const middle = `seed/${String(Math.floor(count / 2)).padStart(6, "0")}`;
  return { firstPage: await time({ Prefix: "seed/" }), middlePage: await time({ StartAfter: middle, MaxKeys: 1000 }) };
}

async function settle(run) {
  try {
    return { ok: true, ...(await run()) };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error).split("\n")[0] };
  }
}

async function measureDaemon() {
  const daemon = await startDaemon();
  const s3 = client(daemon.endpoint);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: "bench-bucket" }));
    progress(`daemon: ${sizes.samples} puts and gets, empty bucket...`);
    const empty = await putGet(s3, "bench-bucket", "empty");
    progress(`daemon: seeding ${sizes.seeded.toLocaleString("en-US")} objects through the API...`);
    const seeded = await seed(s3, "bench-bucket", sizes.seeded);
    progress(`daemon: ${sizes.samples} puts and gets, ${sizes.seeded.toLocaleString("en-US")} objects...`);
    const full = await putGet(s3, "bench-bucket", "full");
    const lists = await listings(s3, "bench-bucket", sizes.seeded);
    return { empty, full, seeded, lists };
  } finally {
    s3.destroy();
    await daemon.stop();
  }
}

async function measureMoto() {
  const moto = await startMoto();
  const s3 = client(moto.endpoint);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: "bench-bucket" }));
    progress(`moto_server: ${sizes.samples} puts and gets, empty bucket...`);
    return { empty: await putGet(s3, "bench-bucket", "empty") };
  } finally {
    s3.destroy();
    await moto.stop();
  }
}

const fmt = (n, digits = 2) => (n === undefined ? "–" : n.toFixed(digits));

function report(daemon, moto, floor) {
  const { commit, node, machine } = machineFacts(root);
  const d = (f) => (daemon.ok ? f(daemon) : undefined);
  const m = (f) => (moto.ok ? f(moto) : undefined);
  const n = (f) => (floor.ok ? f(floor) : undefined);
  const ratio = (anchor, ours) => (anchor === undefined || ours === undefined ? "–" : `${(anchor / ours).toFixed(2)}x`);
  const rows = [
    ["PutObject 1 KiB p50 ms", d((r) => r.empty.putP50), m((r) => r.empty.putP50), d((r) => r.full.putP50), n((r) => r.empty.putP50)],
    ["PutObject 1 KiB p99 ms", d((r) => r.empty.putP99), m((r) => r.empty.putP99), d((r) => r.full.putP99), n((r) => r.empty.putP99)],
    ["GetObject 1 KiB p50 ms", d((r) => r.empty.getP50), m((r) => r.empty.getP50), d((r) => r.full.getP50), n((r) => r.empty.getP50)],
    ["GetObject 1 KiB p99 ms", d((r) => r.empty.getP99), m((r) => r.empty.getP99), d((r) => r.full.getP99), n((r) => r.empty.getP99)],
  ];
  const seeded = sizes.seeded.toLocaleString("en-US");
  const lines = [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `One @aws-sdk/client-s3 client per target (path-style, default flexible checksums, no retries), sequential calls, ${sizes.samples} samples after ${WARM_UP} warm-ups; GetObject includes reading the body. moto_server is moto's, started on a free port in this run.`,
    "",
    `| measure | local cloud | moto_server | moto / local cloud | local cloud, ${seeded} objects | floor (do-nothing server) |`,
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(([name, ours, anchor, full, nothing]) => `| ${name} | ${fmt(ours, 3)} | ${fmt(anchor, 3)} | ${ratio(anchor, ours)} | ${fmt(full, 3)} | ${fmt(nothing, 3)} |`),
    "",
  ];
  if (daemon.ok) {
    lines.push(
      `Seeding: ${seeded} PutObject calls of 16 bytes through the same API, ${SEED_CONCURRENCY} in flight: ${fmt(daemon.seeded.seconds, 1)} s (${Math.round(sizes.seeded / daemon.seeded.seconds).toLocaleString("en-US")} objects/s). moto_server is not seeded: it stores about 130 objects/s here, 100,000 would take over 12 minutes.`,
      `ListObjectsV2 with ${seeded} objects, p50 of ${sizes.lists}: first page of 1,000 keys ${fmt(daemon.lists.firstPage, 2)} ms; a page of 1,000 starting mid-bucket (StartAfter) ${fmt(daemon.lists.middlePage, 2)} ms.`,
      "",
    );
  } else lines.push(`local cloud failed: ${daemon.error}`, "");
  if (!moto.ok) lines.push(`moto_server failed or is not installed: ${moto.error}`, "");
  if (floor.ok && moto.ok) {
    lines.push(
      `The floor is the same client against a server that answers at once: ${fmt(floor.empty.putP50, 3)} ms per PutObject is the client's own signing, checksumming, parsing and round trip, which no server can remove; ${targets.ratio}x faster than moto means at most ${fmt(moto.empty.putP50 / targets.ratio, 3)} ms here. Every local cloud PutObject also waits for two fsyncs (the blob, then the SQLite commit) before it answers.`,
      "",
    );
  }
  const target = (name, met) => `- ${name}: ${met === undefined ? "not measured" : met ? "met" : "MISSED"}`;
  const within = (empty, full) => (empty === undefined || full === undefined ? undefined : full <= empty * targets.unchangedWithin);
  lines.push(
    "Targets (issue 12):",
    target(`PutObject p50 at least ${targets.ratio}x faster than moto (${ratio(m((r) => r.empty.putP50), d((r) => r.empty.putP50))})`, daemon.ok && moto.ok ? moto.empty.putP50 / daemon.empty.putP50 >= targets.ratio : undefined),
    target(`GetObject p50 at least ${targets.ratio}x faster than moto (${ratio(m((r) => r.empty.getP50), d((r) => r.empty.getP50))})`, daemon.ok && moto.ok ? moto.empty.getP50 / daemon.empty.getP50 >= targets.ratio : undefined),
    target(`PutObject p50 unchanged with ${seeded} objects (within ${targets.unchangedWithin}x)`, within(d((r) => r.empty.putP50), d((r) => r.full.putP50))),
    target(`GetObject p50 unchanged with ${seeded} objects (within ${targets.unchangedWithin}x)`, within(d((r) => r.empty.getP50), d((r) => r.full.getP50))),
  );
  if (quick) lines.push("", `--quick: ${sizes.samples} samples and ${seeded} objects instead of 2,000 and 100,000.`);
  return lines.join("\n");
}

async function main() {
  progress(`cloud-s3: dist: ${ensureBuilt()}`);
  // One target at a time, so neither competes with the other for the cores.
  const daemon = await settle(measureDaemon);
  const moto = await settle(measureMoto);
  const floor = await settle(measureFloor);
  console.log(report(daemon, moto, floor));
}

await main();
