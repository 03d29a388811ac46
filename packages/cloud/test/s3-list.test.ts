// ListObjectsV2 and ListObjects (v1) against the real daemon: UTF-8 binary
// key order, prefix and delimiter (CommonPrefixes), every page size walked
// to the end with continuation tokens and markers and compared with a model
// of S3's listing, start-after, encoding-type=url, and bad parameters.
import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
const BUCKET = "listing";

// Chosen so UTF-16 order (JavaScript's <) and UTF-8 order (S3's) differ:
// U+FFFD sorts before U+10000 in UTF-8 bytes, after it in UTF-16 units.
const KEYS = [
  "a",
  "a/",
  "a/b",
  "a/b/c",
  "a/b/d",
  "a/c",
  "a/c/e/f",
  "a+b",
  "a b",
  "a%2F",
  "ab",
  "b/1",
  "b/2",
  "b/3/x",
  "c",
  "photos/2006/jan/x.jpg",
  "photos/2006/feb/y.jpg",
  "photos/2007/z.jpg",
  "é",
  "z",
  "\uFFFD",
  "\u{10000}",
  "~",
];

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = s3Client(daemon.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const key of KEYS) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
});

afterAll(async () => {
  s3.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** S3's listing of KEYS as a list of entries ("k:<key>" or "p:<common prefix>"), in order. */
function model(prefix: string, delimiter: string, after: string): string[] {
  const entries: string[] = [];
  for (const key of [...KEYS].sort(byBytes)) {
    if (!key.startsWith(prefix) || byBytes(key, after) <= 0) continue;
    const at = delimiter === "" ? -1 : key.indexOf(delimiter, prefix.length);
    if (at === -1) {
      entries.push(`k:${key}`);
      continue;
    }
    const common = key.slice(0, at + delimiter.length);
    if (byBytes(common, after) > 0 && entries[entries.length - 1] !== `p:${common}`) entries.push(`p:${common}`);
  }
  return entries;
}

function entriesOf(page: {
  Contents?: Array<{ Key?: string | undefined }> | undefined;
  CommonPrefixes?: Array<{ Prefix?: string | undefined }> | undefined;
}): string[] {
  // S3 sends Contents and CommonPrefixes as two lists; merged in byte order they are the page.
  const keys = (page.Contents ?? []).map((entry) => entry.Key!);
  const prefixes = (page.CommonPrefixes ?? []).map((entry) => entry.Prefix!);
  return [...keys.map((key) => ({ name: key, entry: `k:${key}` })), ...prefixes.map((prefix) => ({ name: prefix, entry: `p:${prefix}` }))]
    .sort((a, b) => byBytes(a.name, b.name))
    .map((each) => each.entry);
}

const CASES: Array<[string, string, string]> = [
  ["", "", ""],
  ["", "/", ""],
  ["a", "/", ""],
  ["a/", "/", ""],
  ["a/b", "/", ""],
  ["photos/", "/", ""],
  ["photos/2006/", "/", ""],
  ["", "b", ""],
  ["", "/", "a/b"],
  ["", "/", "a/"],
  ["", "", "photos/"],
  ["nothing-here", "/", ""],
];

describe("s3 listing", () => {
  it("list: keys come in UTF-8 byte order", async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(page.Contents?.map((entry) => entry.Key)).toEqual([...KEYS].sort(byBytes));
    expect(page.KeyCount).toBe(KEYS.length);
    expect(page.IsTruncated).toBe(false);
  });

  it.each(CASES)("v2: prefix %j delimiter %j start-after %j, every page size, matches S3's listing", async (prefix, delimiter, after) => {
    const expected = model(prefix, delimiter, after);
    for (const maxKeys of [1, 2, 3, 7, 1000]) {
      const seen: string[] = [];
      let token: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await s3.send(
          new ListObjectsV2Command({
            Bucket: BUCKET,
            Prefix: prefix,
            Delimiter: delimiter || undefined,
            StartAfter: after || undefined,
            MaxKeys: maxKeys,
            ContinuationToken: token,
          }),
        );
        const entries = entriesOf(page);
        expect(page.KeyCount).toBe(entries.length);
        expect(entries.length).toBeLessThanOrEqual(maxKeys);
        seen.push(...entries);
        if (!page.IsTruncated) break;
        token = page.NextContinuationToken;
      }
      expect(seen, `max-keys ${maxKeys}`).toEqual(expected);
    }
  });

  it.each(CASES)("v1: prefix %j delimiter %j marker %j, paged by NextMarker or the last key, matches S3's listing", async (prefix, delimiter, after) => {
    const expected = model(prefix, delimiter, after);
    const seen: string[] = [];
    let marker = after;
    for (let pages = 0; pages < 100; pages++) {
      const page = await s3.send(
        new ListObjectsCommand({ Bucket: BUCKET, Prefix: prefix, Delimiter: delimiter || undefined, Marker: marker || undefined, MaxKeys: 2 }),
      );
      seen.push(...entriesOf(page));
      if (!page.IsTruncated) break;
      // NextMarker comes only with a delimiter; without one the last key is the marker.
      marker = delimiter === "" ? page.Contents!.at(-1)!.Key! : page.NextMarker!;
      expect(marker).toBeDefined();
    }
    expect(seen).toEqual(expected);
  });

  it("versions: every object is its one null version, paged by key-marker", async () => {
    const seen: string[] = [];
    let keyMarker: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, MaxKeys: 5, KeyMarker: keyMarker }));
      expect(page.DeleteMarkers).toBeUndefined();
      for (const version of page.Versions ?? []) {
        expect(version).toMatchObject({ VersionId: "null", IsLatest: true, Size: Buffer.byteLength(version.Key!) });
        seen.push(version.Key!);
      }
      if (!page.IsTruncated) break;
      expect(page.NextVersionIdMarker).toBe("null");
      keyMarker = page.NextKeyMarker;
    }
    expect(seen).toEqual([...KEYS].sort(byBytes));
  });

  it("v2: encoding-type=url encodes keys and prefixes as botocore decodes them", async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "a", Delimiter: "/", EncodingType: "url" }));
    expect(page.EncodingType).toBe("url");
    expect(page.Contents?.map((entry) => entry.Key)).toEqual(["a", "a+b", "a%252F", "a%2Bb", "ab"]);
    expect(page.CommonPrefixes?.map((entry) => entry.Prefix)).toEqual(["a/"]);
  });

  it("v2: max-keys 0 lists nothing", async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 0 }));
    expect(page.KeyCount).toBe(0);
    expect(page.Contents).toBeUndefined();
  });

  it.each([
    ["an unreadable continuation token", { ContinuationToken: "bm90LWEtdG9rZW4=" }, "The continuation token provided is incorrect"],
    ["an unknown encoding type", { EncodingType: "base64" as never }, "Invalid Encoding Method specified in Request"],
    ["a negative max-keys", { MaxKeys: -1 }, "Provided max-keys not an integer or within integer range"],
  ])("v2: %s is InvalidArgument", async (_, parameters, message) => {
    await expect(s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ...parameters }))).rejects.toMatchObject({ name: "InvalidArgument", message });
  });
});
