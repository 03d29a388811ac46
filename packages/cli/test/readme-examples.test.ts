// The README's example outputs are what the commands print: the script that
// writes them (scripts/readme-examples.mjs) runs the commands and compares,
// masking only what varies from run to run (timings, request ids, timestamps,
// memory figures). Drift is checked on the README itself and, to show the
// check can fail, on copies with one figure changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./support/cli.js";
import { runCommand } from "./support/project.js";

const SCRIPT = join(REPO, "scripts", "readme-examples.mjs");
const README = readFileSync(join(REPO, "README.md"), "utf8");
const CURRENT = "README.md: the examples (pack, invoke, usage) are what the commands print\n";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "closure-pack-readme-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the README with one edit, checked (or rewritten) by the script from the copy's folder. */
async function runOnCopy(edit: (readme: string) => string, mode: "check" | "write") {
  const copy = edit(README);
  expect(copy).not.toBe(README);
  writeFileSync(join(dir, "README.md"), copy);
  const args = [SCRIPT, ...(mode === "check" ? ["--check"] : []), "--readme", "README.md"];
  return runCommand(process.execPath, args, dir, 120_000);
}

describe("readme examples", () => {
  it("readme: the examples are what the commands print", async () => {
    expect(await runCommand(process.execPath, [SCRIPT, "--check"], dir, 120_000)).toEqual({ code: 0, stderr: "", stdout: CURRENT });
  });

  it("readme: a changed size and hash is drift, named with the line and a hint", async () => {
    const line = /^out\/demo\.zip {2}(\d+) B {2}1 file {2}codeSha256 (\S+) {2}.*$/m.exec(README)!;
    const result = await runOnCopy((readme) => readme.replace(line[0], line[0].replace(`${line[1]} B`, "1 B").replace(line[2]!, "AAAA")), "check");
    const fresh = line[0].replace(/ {2}\S+ m?s$/, "  <time>");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        `README.md: example "invoke" is not what the commands print:`,
        `- out/demo.zip  1 B  1 file  codeSha256 AAAA  <time>`,
        `+ ${fresh}`,
        `hint: run "node scripts/readme-examples.mjs" to rewrite it`,
        ``,
      ].join("\n"),
    });
  });

  it("readme: a missing line is drift, and the script writes it back", async () => {
    const dropped = /^captured values: .*\n/m.exec(README)![0];
    const written = await runOnCopy((readme) => readme.replace(dropped, ""), "write");
    expect(written).toEqual({ code: 0, stderr: "", stdout: `README.md: example "pack" is not what the commands print:\n+ ${dropped}rewrote README.md\n` });
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(README);
  });

  it("readme: timings and request ids are not drift", async () => {
    const requestId = /^START RequestId: (\S+) /m.exec(README)![1]!;
    const edit = (readme: string) => readme.replace(/ \d+ ms$/gm, " 999 ms").replaceAll(requestId, "00000000-0000-4000-8000-000000000000");
    expect(await runOnCopy(edit, "check")).toEqual({ code: 0, stderr: "", stdout: CURRENT });
  });
});
