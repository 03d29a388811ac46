// kill -9 of the daemon while S3 writes, then a restart on the same data:
// each object is its old version or its new one, byte for byte, never a mix;
// every PUT answered 200 is there; and the blobs a crash cut short (a body
// half received, a blob with no row yet, a replaced blob not yet removed)
// are gone after the restart: blob files and objects kept as files
// correspond one to one. Small bodies live in the database, larger ones in
// files: every case runs with both, and with objects moving from one to the
// other. Both durability settings: kill -9 is a crash of the process, which
// "process" durability (no fsync) must survive as well as "machine".
import { readdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir, removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let durability: "process" | "machine" = "process";

async function start(dataDir: string): Promise<{ daemon: DaemonProcess; s3: S3Client }> {
  const daemon = await startDaemon({ dataDir, durability });
  const s3 = s3Client(daemon.endpoint);
  cleanups.push(async () => {
    s3.destroy();
    await daemon.kill();
  });
  return { daemon, s3 };
}

function blobFiles(dataDir: string): string[] {
  const root = join(dataDir, "s3");
  return readdirSync(root)
    .filter((shard) => shard.length === 2)
    .flatMap((shard) => readdirSync(join(root, shard)));
}

const tempFiles = (dataDir: string): string[] => readdirSync(join(dataDir, "s3", "tmp"));

async function text(s3: S3Client, key: string): Promise<string> {
  return (await s3.send(new GetObjectCommand({ Bucket: "durable", Key: key }))).Body!.transformToString();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((done) => setTimeout(done, 5));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe.each(["process", "machine"] as const)("s3 durability (%s)", (setting) => {
  beforeEach(() => {
    durability = setting;
  });

  it.each([
    ["in the database", "old version", 0],
    ["in a file", "old version ".repeat(10_000), 1],
  ])("kill -9: a body half received leaves the old object (%s) and no file behind", async (_, old, files) => {
    const dataDir = freshDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const { daemon, s3 } = await start(dataDir);
    await s3.send(new CreateBucketCommand({ Bucket: "durable" }));
    await s3.send(new PutObjectCommand({ Bucket: "durable", Key: "doc", Body: old }));
    // A plain PUT announcing 8 MiB that sends 4: the daemon streams it to a temporary file.
    const outgoing = request({ host: "127.0.0.1", port: daemon.port, method: "PUT", path: "/durable/doc", headers: { "content-length": 8 * 1024 * 1024 } });
    outgoing.on("error", () => undefined);
    outgoing.write(Buffer.alloc(4 * 1024 * 1024, 120));
    await until(() => tempFiles(dataDir).length > 0, "the upload's temporary file");
    await daemon.kill();
    outgoing.destroy();
    expect(tempFiles(dataDir).length).toBe(1);
    const again = await start(dataDir);
    expect(await text(again.s3, "doc")).toBe(old);
    expect(tempFiles(dataDir)).toEqual([]);
    expect(blobFiles(dataDir).length).toBe(files);
  });

  // Repeats of `<key>:v<n>;`: 20 make about 200 bytes (kept in the database),
  // 20,000 about 200 KB (a file). Small writes are quick: more of them, so
  // that the kill still finds some in flight.
  it.each([
    ["in the database", 20, 20, 400],
    ["in files", 20_000, 20_000, 40],
    ["in the database, replaced by files", 20, 20_000, 40],
    ["in files, replaced by bodies in the database", 20_000, 20, 40],
  ])(
    "kill -9: during concurrent overwrites of objects %s every object is one whole version, every acknowledged PUT survives, no blob is left over",
    async (_, first, second, count) => {
      const dataDir = freshDataDir();
      cleanups.push(() => removeDataDir(dataDir));
      const { daemon, s3 } = await start(dataDir);
      await s3.send(new CreateBucketCommand({ Bucket: "durable" }));
      const keys = Array.from({ length: count }, (_, i) => `key-${i}`);
      const body = (key: string, version: number): string => `${key}:v${version};`.repeat(version === 1 ? first : second);
      for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: "durable", Key: key, Body: body(key, 1) }));
      const acknowledged = new Set<string>();
      const writes = keys.map((key) =>
        s3.send(new PutObjectCommand({ Bucket: "durable", Key: key, Body: body(key, 2) })).then(
          () => acknowledged.add(key),
          () => undefined,
        ),
      );
      await until(() => acknowledged.size >= 10, "ten acknowledged writes");
      await daemon.kill();
      await Promise.all(writes);
      const again = await start(dataDir);
      let newer = 0;
      for (const key of keys) {
        const stored = await text(again.s3, key);
        expect([body(key, 1), body(key, 2)]).toContain(stored);
        if (acknowledged.has(key)) expect(stored).toBe(body(key, 2));
        if (stored === body(key, 2)) newer++;
      }
      expect(newer).toBeGreaterThanOrEqual(acknowledged.size);
      const listed = await again.s3.send(new ListObjectsV2Command({ Bucket: "durable" }));
      expect(listed.KeyCount).toBe(keys.length);
      const inFiles = (version: number): number => ((version === 1 ? first : second) > 20 ? 1 : 0);
      expect(blobFiles(dataDir).length).toBe(newer * inFiles(2) + (keys.length - newer) * inFiles(1));
      expect(tempFiles(dataDir)).toEqual([]);
    },
  );
});
