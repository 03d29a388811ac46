// Benchmark (issue 12, "the S3 wire API itself"): the same @aws-sdk/client-s3
// client (path-style, default checksums) doing 1 KiB PutObject and GetObject
// against the local cloud's daemon and against moto_server (the anchor), in
// the same run; then against the daemon again with 100,000 objects in the
// bucket, seeded through the API (PutObject of 16 bytes, 32 in flight), and
// ListObjectsV2 pages there. A do-nothing HTTP server answering the same calls
// gives the client's own cost, the floor under every figure. The targets are
// measured in turns of a few calls each, one target after the other (one call
// in flight at a time), so a change of the machine's load during the run
// weighs on every target alike. Prints markdown on stdout; progress on stderr.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
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
// Calls per target per turn: short enough that the load cannot change much
// within a turn, long enough that switching targets is a small share.
const TURN = 20;
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

async function startMoto() {
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const failed = new Promise((_, reject) => child.once("error", reject));
  failed.catch(() => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    const up = await Promise.race([
      fetch(`${endpoint}/moto-api/`).then(
        () => true,
        () => false,
      ),
      failed,
    ]);
    if (up) break;
    if (i > 150) throw new Error("moto_server did not answer within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { endpoint, stop: async () => void child.kill("SIGTERM") };
}

/**
 * 1 KiB PutObject then GetObject (body read) of `sizes.samples` fresh keys on
 * every target, after warm-ups, in turns of TURN calls per target (the order
 * reversed every other turn); one call in flight at a time.
 */
async function putGet(targets, label) {
  for (const target of targets) {
    for (let i = 0; i < WARM_UP; i++) await target.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: `${label}/warm-${i}`, Body: BODY }));
  }
  const times = targets.map(() => ({ puts: [], gets: [] }));
  const turns = Math.ceil(sizes.samples / TURN);
  for (let turn = 0; turn < turns; turn++) {
    const order = targets.map((_, i) => i);
    if (turn % 2 === 1) order.reverse();
    for (const index of order) await oneTurn(targets[index], `${label}/${turn}`, times[index]);
  }
  return times.map(({ puts, gets }) => ({
    putP50: percentile(puts, 50),
    putP99: percentile(puts, 99),
    getP50: percentile(gets, 50),
    getP99: percentile(gets, 99),
  }));
}

async function oneTurn({ s3, bucket }, prefix, { puts, gets }) {
  for (let i = 0; i < TURN; i++) {
    const started = performance.now();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}-${i}`, Body: BODY }));
    puts.push(performance.now() - started);
  }
  for (let i = 0; i < TURN; i++) {
    const started = performance.now();
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}-${i}` }));
    await response.Body.transformToByteArray();
    gets.push(performance.now() - started);
  }
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

/** A started target with its client and a bucket to use, or its failure. */
async function open(name, start) {
  const started = await settle(async () => ({ server: await start() }));
  if (!started.ok) return { name, ...started };
  const s3 = client(started.server.endpoint);
  const target = { name, ok: true, server: started.server, s3, bucket: "bench-bucket" };
  // The do-nothing server answers anything; the others need the bucket.
  if (name !== "floor") {
    const created = await settle(() => s3.send(new CreateBucketCommand({ Bucket: "bench-bucket" })));
    if (!created.ok) return close(target).then(() => ({ name, ...created }));
  }
  return target;
}

async function close(target) {
  if (!target.ok || target.closed) return;
  target.closed = true;
  target.s3.destroy();
  await target.server.stop();
}

/** Figures per target name: `empty` (and for the daemon `full`, `seeded`, `lists`), or the target's error. */
async function measure() {
  const daemon = await open("daemon", startDaemon);
  const moto = await open("moto", startMoto);
  const floor = await open("floor", startNullServer);
  const results = { daemon: { ok: daemon.ok, error: daemon.error }, moto: { ok: moto.ok, error: moto.error }, floor: { ok: floor.ok, error: floor.error } };
  try {
    const live = [daemon, moto, floor].filter((target) => target.ok);
    progress(`${live.map((target) => target.name).join(", ")}: ${sizes.samples} puts and gets each, in turns of ${TURN}...`);
    const empty = await putGet(live, "empty");
    live.forEach((target, i) => (results[target.name].empty = empty[i]));
    await close(moto);
    if (!daemon.ok) return results;
    progress(`daemon: seeding ${sizes.seeded.toLocaleString("en-US")} objects through the API...`);
    results.daemon.seeded = await seed(daemon.s3, daemon.bucket, sizes.seeded);
    const again = [daemon, floor].filter((target) => target.ok);
    progress(`daemon${floor.ok ? " and floor" : ""}: ${sizes.samples} puts and gets, ${sizes.seeded.toLocaleString("en-US")} objects...`);
    const full = await putGet(again, "full");
    results.daemon.full = full[0];
    if (floor.ok) results.floor.full = full[1];
    results.daemon.lists = await listings(daemon.s3, daemon.bucket, sizes.seeded);
    return results;
  } finally {
    await close(moto).catch(() => undefined);
    await close(daemon);
    await close(floor);
  }
}

const fmt = (n, digits = 2) => (n === undefined ? "–" : n.toFixed(digits));

function report(daemon, moto, floor) {
  const { commit, node, machine } = machineFacts(root);
  const d = (f) => (daemon.ok ? f(daemon) : undefined);
  const m = (f) => (moto.ok ? f(moto) : undefined);
  const n = (f) => (floor.ok ? f(floor) : undefined);
  const ratio = (anchor, ours) => (anchor === undefined || ours === undefined ? "–" : `${(anchor / ours).toFixed(2)}x`);
  /** @type {Array<{ name: string, pick: (r: any) => number }>} */
  const measures = [
    { name: "PutObject 1 KiB p50 ms", pick: (r) => r.putP50 },
    { name: "PutObject 1 KiB p99 ms", pick: (r) => r.putP99 },
    { name: "GetObject 1 KiB p50 ms", pick: (r) => r.getP50 },
    { name: "GetObject 1 KiB p99 ms", pick: (r) => r.getP99 },
  ];
  const rows = measures.map(({ name, pick }) => [
    name,
    d((r) => pick(r.empty)),
    m((r) => pick(r.empty)),
    n((r) => pick(r.empty)),
    d((r) => r.full && pick(r.full)),
    n((r) => r.full && pick(r.full)),
  ]);
  const seeded = sizes.seeded.toLocaleString("en-US");
  const lines = [
    `Measured at commit ${commit}, Node ${node}, ${machine}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} at the end.`,
    `One @aws-sdk/client-s3 client per target (path-style, default flexible checksums, no retries), ${sizes.samples} samples per target after ${WARM_UP} warm-ups, one call in flight at a time, the targets taking turns of ${TURN} calls; GetObject includes reading the body. moto_server is moto's, started on a free port in this run.`,
    "",
    `| measure | local cloud | moto_server | moto / local cloud | floor (do-nothing server) | local cloud, ${seeded} objects | floor, same turns |`,
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      ([name, ours, anchor, nothing, full, fullFloor]) =>
        `| ${name} | ${fmt(ours, 3)} | ${fmt(anchor, 3)} | ${ratio(anchor, ours)} | ${fmt(nothing, 3)} | ${fmt(full, 3)} | ${fmt(fullFloor, 3)} |`,
    ),
    "",
  ];
  if (daemon.ok && daemon.seeded !== undefined) {
    lines.push(
      `Seeding: ${seeded} PutObject calls of 16 bytes through the same API, ${SEED_CONCURRENCY} in flight: ${fmt(daemon.seeded.seconds, 1)} s (${Math.round(sizes.seeded / daemon.seeded.seconds).toLocaleString("en-US")} objects/s). moto_server is not seeded: it stores about 130 objects/s here, 100,000 would take over 12 minutes.`,
      `ListObjectsV2 with ${seeded} objects, p50 of ${sizes.lists}: first page of 1,000 keys ${fmt(daemon.lists.firstPage, 2)} ms; a page of 1,000 starting mid-bucket (StartAfter) ${fmt(daemon.lists.middlePage, 2)} ms.`,
      "",
    );
  } else if (!daemon.ok) lines.push(`local cloud failed: ${daemon.error}`, "");
  if (!moto.ok) lines.push(`moto_server failed or is not installed: ${moto.error}`, "");
  if (floor.ok && moto.ok) {
    const above = (r, pick) => Math.max(pick(r.empty) - pick(floor.empty), 0.001);
    const server = (pick) =>
      daemon.ok ? `${fmt(above(moto, pick), 3)} ms vs ${fmt(above(daemon, pick), 3)} ms, ${(above(moto, pick) / above(daemon, pick)).toFixed(1)}x` : "–";
    lines.push(
      `The floor is the same client against a server that answers at once: ${fmt(floor.empty.putP50, 3)} ms per PutObject is the client's own signing, checksumming, parsing and round trip, which no server can remove; ${targets.ratio}x faster than moto means at most ${fmt(moto.empty.putP50 / targets.ratio, 3)} ms here, and no server can be more than ${ratio(moto.empty.putP50, floor.empty.putP50)} (PutObject) and ${ratio(moto.empty.getP50, floor.empty.getP50)} (GetObject) faster than moto in this run. A local cloud PutObject also commits its row (and a small body) to SQLite before it answers (durability "process": in the OS's cache, no fsync).`,
      `The servers' own time, p50 above the floor, moto vs local cloud: PutObject ${server((r) => r.putP50)}; GetObject ${server((r) => r.getP50)}.`,
      "",
    );
  }
  // With objects: the empty bucket's time above its floor, put on the floor
  // measured in the same turns as the full bucket, is what "unchanged" is
  // compared with, so a change of the machine's load between the two parts
  // of the run is not taken for a change of the daemon.
  const within = (pick) => {
    const empty = d((r) => pick(r.empty));
    const full = d((r) => r.full && pick(r.full));
    if (empty === undefined || full === undefined) return { met: undefined, text: "" };
    const floors = [n((r) => pick(r.empty)), n((r) => r.full && pick(r.full))];
    if (floors[0] === undefined || floors[1] === undefined)
      return { met: full <= empty * targets.unchangedWithin, text: `${fmt(full, 3)} vs ${fmt(empty, 3)} ms` };
    const [above, aboveFull] = [Math.max(empty - floors[0], 0.001), Math.max(full - floors[1], 0)];
    return { met: floors[1] + aboveFull <= (floors[1] + above) * targets.unchangedWithin, text: `${fmt(aboveFull, 3)} vs ${fmt(above, 3)} ms above the floor` };
  };
  const target = (name, met) => `- ${name}: ${met === undefined ? "not measured" : met ? "met" : "MISSED"}`;
  const putWithin = within((r) => r.putP50);
  const getWithin = within((r) => r.getP50);
  lines.push(
    "Targets (issue 12):",
    target(
      `PutObject p50 at least ${targets.ratio}x faster than moto (${ratio(
        m((r) => r.empty.putP50),
        d((r) => r.empty.putP50),
      )})`,
      daemon.ok && moto.ok ? moto.empty.putP50 / daemon.empty.putP50 >= targets.ratio : undefined,
    ),
    target(
      `GetObject p50 at least ${targets.ratio}x faster than moto (${ratio(
        m((r) => r.empty.getP50),
        d((r) => r.empty.getP50),
      )})`,
      daemon.ok && moto.ok ? moto.empty.getP50 / daemon.empty.getP50 >= targets.ratio : undefined,
    ),
    target(`PutObject p50 unchanged with ${seeded} objects (within ${targets.unchangedWithin}x; ${putWithin.text})`, putWithin.met),
    target(`GetObject p50 unchanged with ${seeded} objects (within ${targets.unchangedWithin}x; ${getWithin.text})`, getWithin.met),
  );
  if (quick) lines.push("", `--quick: ${sizes.samples} samples and ${seeded} objects instead of 2,000 and 100,000.`);
  return lines.join("\n");
}

async function main() {
  progress(`cloud-s3: dist: ${ensureBuilt()}`);
  const { daemon, moto, floor } = await measure();
  console.log(report(daemon, moto, floor));
}

await main();
