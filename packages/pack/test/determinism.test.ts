// The same input gives byte-identical zips whatever the working directory,
// the absolute location of the project, TZ, umask and clock: each row packs
// a fixture in two child processes that differ in all of these, from two
// copies of fixtures/pack at unrelated paths.
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { diffZips, dosToUtcDate, readZip, readZipHeaders, ZIP_EPOCH, type PackOptions } from "../src/index.js";
import { repoRoot } from "./support/children.js";
import { packInChild, type PackRequest } from "./support/pack-child.js";
import { copyFixtures, makeTempDir, removeTempDirs } from "./support/workspace.js";

afterAll(removeTempDirs);

interface Row {
  name: string;
  mode: PackRequest["mode"];
  /** Relative to fixtures/pack. */
  fixture: string;
  options: PackOptions;
}

const ROWS: Row[] = [
  { name: "function: packages, local module, load-time state (cjs)", mode: "function", fixture: "handler.cjs", options: { format: "cjs" } },
  { name: "function: packages, local module, load-time state (esm)", mode: "function", fixture: "handler.cjs", options: { format: "esm" } },
  { name: "entry: typescript entry, sdk external", mode: "entry", fixture: "bundle-entry.ts", options: {} },
  { name: "entry: native addon beside the code", mode: "entry", fixture: "native-entry.mjs", options: {} },
];

const SIDES = [
  { sub: "project", tz: "UTC", umask: 0o022, clockOffsetMs: 0, cwd: "project" },
  // Chatham is UTC+12:45/+13:45: any local-time DOS date would move the day.
  { sub: join("deeper", "nested", "copy-of-project"), tz: "Pacific/Chatham", umask: 0o077, clockOffsetMs: 9 * 365 * 86_400_000, cwd: "." },
] as const;

describe("determinism", () => {
  test.each(ROWS)("$name", async (row) => {
    const sides = SIDES.map((side) => {
      const root = makeTempDir("determinism");
      const project = copyFixtures(root, side.sub);
      const cwd = side.cwd === "project" ? project : root;
      return { side, root, project, cwd };
    });
    const packs = await Promise.all(
      sides.map(({ side, project, cwd, root }) =>
        packInChild(
          {
            mode: row.mode,
            fixture: join(project, row.fixture),
            options: { ...row.options, resolveDir: project },
            umask: side.umask,
            clockOffsetMs: side.clockOffsetMs,
          },
          { cwd, scratchDir: root, env: { TZ: side.tz } },
        ),
      ),
    );
    const [a, b] = packs as [(typeof packs)[0], (typeof packs)[0]];
    if (!a.zip.equals(b.zip)) expect.fail(`zips differ:\n${await describeDifference(a.zip, b.zip)}`);
    expect(a.codeSha256).toBe(b.codeSha256);
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.manifest.files).toEqual(b.manifest.files);

    checkHeaders(a.zip);
    const forbidden = [repoRoot, ...sides.flatMap((s) => [s.root, s.project, s.cwd])];
    for (const entry of await readZip(a.zip)) {
      const text = entry.bytes.toString("latin1");
      for (const path of forbidden) expect(text.includes(path), `${entry.path} contains ${path}`).toBe(false);
      expect(text).not.toMatch(/\/tmp\/closure-pack-|\/work\/main/);
    }
  });
});

describe("the same function, packed two ways", () => {
  // The CLI packs serializeFunction's ES module result: it must be the zip
  // pack(fn) makes, not a wrapper around it.
  test.each(["cjs", "esm"] as const)('pack(serializeFunction(fn, { format: "esm" })) equals pack(fn), %s output', async (format) => {
    const root = makeTempDir("determinism");
    const project = copyFixtures(root, "project");
    const request = { fixture: join(project, "handler.cjs"), options: { format, resolveDir: project } };
    const place = { cwd: project, scratchDir: root };
    const [live, serialized] = await Promise.all([
      packInChild({ ...request, mode: "function" }, place),
      packInChild({ ...request, mode: "serialized", serializeOptions: { format: "esm" } }, place),
    ]);
    if (!live.zip.equals(serialized.zip)) expect.fail(`zips differ:\n${await describeDifference(live.zip, serialized.zip)}`);
    expect(serialized.codeSha256).toBe(live.codeSha256);
  });
});

/** Order, dates, modes, flags: the header fields determinism depends on. */
function checkHeaders(zip: Buffer): void {
  const headers = readZipHeaders(zip);
  const paths = headers.map((header) => header.path);
  expect(paths).toEqual([...paths].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
  for (const header of headers) {
    expect(header.path.endsWith("/"), `${header.path} is a directory entry`).toBe(false);
    expect(dosToUtcDate(header.dosDate, header.dosTime)).toEqual(ZIP_EPOCH);
    expect(header.unixMode).toBe(0o100644);
    expect([header.centralExtraLength, header.localExtraLength, header.commentLength]).toEqual([0, 0, 0]);
  }
}

/** A per-entry account of how two zips differ: files, then header fields. */
async function describeDifference(a: Buffer, b: Buffer): Promise<string> {
  const diff = await diffZips(a, b);
  const lines = [
    ...diff.added.map((path) => `+ ${path}`),
    ...diff.removed.map((path) => `- ${path}`),
    ...diff.changed.map((c) => `~ ${c.path}: ${c.changes.join(", ")} ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`),
  ];
  const before = readZipHeaders(a);
  const after = readZipHeaders(b);
  before.forEach((header, i) => {
    const other = after[i];
    if (other === undefined) return;
    for (const key of Object.keys(header) as Array<keyof typeof header>) {
      if (header[key] !== other[key]) lines.push(`entry ${i} (${header.path}) ${key}: ${header[key]} -> ${other[key]}`);
    }
  });
  return lines.join("\n") || `same files and headers, ${a.length} vs ${b.length} bytes`;
}
