// The state file (real files in temp folders), the stack lock and the
// physical names.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { acquireLock } from "../src/engine/lock.js";
import { physicalName, type NameRule } from "../src/engine/naming.js";
import { emptyState, readState, statePath, STATE_VERSION, writeState } from "../src/engine/state.js";

const dirs: string[] = [];
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "aws-state-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeRaw(dir: string, text: string): void {
  mkdirSync(join(dir, ".closure-pack", "stacks"), { recursive: true });
  writeFileSync(statePath(dir, "dev"), text);
}

const BAD_FILES: Array<{ name: string; text: string; message: string }> = [
  {
    name: "state: not JSON",
    text: "{ half",
    message: "the state file is not valid JSON\nhint: restore it from version control or a backup; closure-pack never overwrites a state file it cannot read",
  },
  {
    name: "state: no version",
    text: "{}",
    message: "the state file has no version\nhint: restore it from version control or a backup; closure-pack never overwrites a state file it cannot read",
  },
  {
    name: "state: a newer version",
    text: JSON.stringify({ version: STATE_VERSION + 1 }),
    message: `state version ${STATE_VERSION + 1} is newer than this closure-pack understands (${STATE_VERSION})\nhint: upgrade closure-pack; the file is left as it is`,
  },
  {
    name: "state: a resource without an id",
    text: JSON.stringify({ version: 1, stack: "dev", target: "local", resources: [{ type: "aws:s3:Bucket", name: "docs" }], pending: [], outputs: {} }),
    message:
      "the state file has a resource without type, name or id\nhint: restore it from version control or a backup; closure-pack never overwrites a state file it cannot read",
  },
];

describe("state file", () => {
  test.each(BAD_FILES)("$name", ({ text, message }) => {
    const dir = project();
    writeRaw(dir, text);
    const shown = relative(process.cwd(), statePath(dir, "dev"));
    expect(() => readState(dir, "dev")).toThrow(`${shown}: ${message}`);
    expect(readFileSync(statePath(dir, "dev"), "utf8")).toBe(text);
  });

  test("state: written atomically, read back equal, no temporary file left", () => {
    const dir = project();
    const state = emptyState("dev", "local");
    state.resources.push({
      type: "aws:s3:Bucket",
      name: "docs",
      id: "docs-1234567",
      generation: 0,
      inputs: { forceDestroy: false },
      outputs: { bucketName: "docs-1234567" },
      dependencies: [],
    });
    writeState(dir, state);
    expect(readState(dir, "dev")).toEqual(state);
    expect(readdirSync(join(dir, ".closure-pack", "stacks"))).toEqual(["dev.json"]);
  });

  test("state: none yet", () => {
    expect(readState(project(), "dev")).toBeUndefined();
  });
});

describe("lock", () => {
  test("lock: a second holder is refused, naming the first", () => {
    const dir = project();
    const lock = acquireLock(dir, "dev", "closure-pack up");
    expect(() => acquireLock(dir, "dev", "closure-pack destroy")).toThrow(
      `stack "dev": is locked by "closure-pack up" (pid ${process.pid} on ${hostname()})\nhint: wait for it to finish; if that process is gone on another machine, remove the .lock file beside the stack's state`,
    );
    lock.release();
    acquireLock(dir, "dev", "closure-pack destroy").release();
  });

  test("lock: a dead holder's lock is taken over", () => {
    const dir = project();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    mkdirSync(join(dir, ".closure-pack", "stacks"), { recursive: true });
    writeFileSync(join(dir, ".closure-pack", "stacks", "dev.lock"), JSON.stringify({ pid: Number(dead), hostname: hostname(), command: "closure-pack up" }));
    const lock = acquireLock(dir, "dev", "closure-pack up");
    expect(JSON.parse(readFileSync(join(dir, ".closure-pack", "stacks", "dev.lock"), "utf8")).pid).toBe(process.pid);
    lock.release();
  });
});

const CONTEXT = { accountId: "123456789012", region: "us-east-1", project: "seed", stack: "dev" };
const NAMES: Array<{ name: string; type: string; logical: string; rule: NameRule; pattern: RegExp }> = [
  {
    name: "name: a bucket is lowercase",
    type: "aws:s3:Bucket",
    logical: "Docs_Bucket",
    rule: { max: 63, lowercase: true },
    pattern: /^docs-bucket-[0-9a-f]{7}$/,
  },
  {
    name: "name: a long bucket name fits 63",
    type: "aws:s3:Bucket",
    logical: "b".repeat(100),
    rule: { max: 63, lowercase: true },
    pattern: /^b{55}-[0-9a-f]{7}$/,
  },
  { name: "name: a long role name fits 64", type: "aws:iam:Role", logical: "R".repeat(100), rule: { max: 64 }, pattern: /^R{56}-[0-9a-f]{7}$/ },
  { name: "name: a function keeps its case", type: "aws:lambda:Function", logical: "docsHandler", rule: { max: 64 }, pattern: /^docsHandler-[0-9a-f]{7}$/ },
];

describe("physical names", () => {
  test.each(NAMES)("$name", ({ type, logical, rule, pattern }) => {
    const name = physicalName(CONTEXT, type, logical, 0, rule);
    expect(name).toMatch(pattern);
    expect(name.length).toBeLessThanOrEqual(rule.max);
    expect(physicalName({ ...CONTEXT }, type, logical, 0, rule)).toBe(name);
    expect(physicalName(CONTEXT, type, logical, 1, rule)).not.toBe(name);
    expect(physicalName({ ...CONTEXT, stack: "prod" }, type, logical, 0, rule)).not.toBe(name);
  });
});
