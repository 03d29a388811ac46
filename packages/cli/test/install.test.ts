// closure-pack installed in a project of a user's own, outside the repository,
// with the commands the README gives ("Using closure-pack in your own
// project"): `npm install <clone>/packages/cli` (a link into a clone where
// `npm ci` ran: this repository), and the `npm pack` tarballs of every
// package. There the user runs `npx closure-pack --version`, packs a
// TypeScript handler and invokes the zip.
//
// The tarball install builds better-sqlite3 from source (its prebuilt binary
// comes from GitHub, which npm's offline mode cannot reach): minutes on a
// shared machine, so it runs when CLOSURE_PACK_TEST_TARBALLS=1, as CI sets it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./support/cli.js";
import { createUserProject, runCommand, USER_EVENT, USER_HANDLER, type UserProject } from "./support/project.js";

const VERSION = "0.1.0";

function readWorkspaceNames(): string[] {
  const root = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { workspaces: string[] };
  return root.workspaces.map((dir) => (JSON.parse(readFileSync(join(REPO, dir, "package.json"), "utf8")) as { name: string }).name);
}
const tarballsEnabled = process.env.CLOSURE_PACK_TEST_TARBALLS === "1";
if (!tarballsEnabled) console.log("CLOSURE_PACK_TEST_TARBALLS is not 1: skipping the install from npm pack tarballs");

/** What a user checks first in a new project: the command answers, packs a handler, runs the zip. */
async function expectWorkingCommand(project: UserProject): Promise<void> {
  project.write("handler.ts", USER_HANDLER);
  project.write("event.json", USER_EVENT);
  expect(await project.closurePack(["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  const packed = await project.closurePack(["handler.ts", "-o", "out/handler.zip"]);
  expect({ code: packed.code, stderr: packed.stderr }).toEqual({ code: 0, stderr: "" });
  expect(packed.stdout).toMatch(/^out\/handler\.zip {2}\d+ B {2}1 file {2}codeSha256 [A-Za-z0-9+/]{43}= {2}(\d+ ms|\d+\.\d\d s)\n$/);
  const invoked = await project.closurePack(["invoke", "out/handler.zip", "--event", "event.json"]);
  expect({ code: invoked.code, response: JSON.parse(invoked.stdout) as unknown }).toEqual({ code: 0, response: { message: "hello world" } });
  expect(invoked.stderr).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nEND RequestId: [0-9a-f-]{36}\nREPORT RequestId: /);
}

const LIBRARIES = readWorkspaceNames().filter((name) => name !== "closure-pack");

/** Each library loads by require and by import, with the same exports from its two builds. */
async function expectLibrariesLoad(project: UserProject): Promise<void> {
  project.write(
    "load.mjs",
    [
      `import { createRequire } from "node:module";`,
      `const require = createRequire(import.meta.url);`,
      `for (const name of ${JSON.stringify(LIBRARIES)}) {`,
      `  const names = (m) => Object.keys(m).filter((key) => key !== "default" && key !== "module.exports").sort().join(",");`,
      `  const [required, imported] = [require(name), await import(name)];`,
      `  console.log(name, names(required) === names(imported) && names(required) !== "" ? "same exports" : "differ");`,
      `}`,
      ``,
    ].join("\n"),
  );
  const loaded = await runCommand(process.execPath, ["load.mjs"], project.dir, 60_000);
  expect(loaded).toEqual({ code: 0, stderr: "", stdout: LIBRARIES.map((name) => `${name} same exports\n`).join("") });
}

/** The local cloud's daemon needs better-sqlite3's native addon, built by npm install. */
async function expectLocalCloudStarts(project: UserProject): Promise<void> {
  const started = await project.closurePack(["cloud", "start", "--port", "0", "--data", "cloud"]);
  try {
    expect({ code: started.code, stderr: started.stderr }).toEqual({ code: 0, stderr: "" });
    expect(started.stdout).toMatch(/^local cloud running at http:\/\/127\.0\.0\.1:\d+ \(pid \d+, data cloud\)\n$/);
  } finally {
    expect((await project.closurePack(["cloud", "stop", "--data", "cloud"])).code).toBe(0);
  }
}

describe("install from a clone's folder", () => {
  let project: UserProject;
  beforeAll(() => {
    project = createUserProject();
  });
  afterAll(() => project.remove());

  it("install: npm install <clone>/packages/cli, then npx closure-pack", async () => {
    const installed = await project.npm(["install", "--offline", "--no-audit", "--no-fund", join(REPO, "packages", "cli")], 120_000);
    expect(installed.code).toBe(0);
    await expectWorkingCommand(project);
  });

  it("install: npm install <clone>/packages/aws, then a program imports it", async () => {
    const installed = await project.npm(["install", "--offline", "--no-audit", "--no-fund", join(REPO, "packages", "aws")], 120_000);
    expect(installed.code).toBe(0);
    project.write("program.mjs", `import * as aws from "@closure-pack/aws";\nconsole.log(typeof aws.s3.Bucket, typeof aws.lambda.CallbackFunction);\n`);
    expect(await runCommand(process.execPath, ["program.mjs"], project.dir, 60_000)).toEqual({ code: 0, stderr: "", stdout: "function function\n" });
  });
});

describe.skipIf(!tarballsEnabled)("install from npm pack tarballs", () => {
  let project: UserProject;
  let tarballs: string;
  beforeAll(() => {
    project = createUserProject();
    tarballs = mkdtempSync(join(tmpdir(), "closure-pack-tarballs-"));
  });
  // Removing the project's node_modules (8 packages and the AWS SDK's tree) takes seconds on a busy machine.
  afterAll(() => {
    project.remove();
    rmSync(tarballs, { recursive: true, force: true });
  }, 300_000);

  it("install: npm pack of every package, npm install of the tarballs, then npx closure-pack", { timeout: 900_000 }, async () => {
    const packed = await runCommand("npm", ["pack", "--workspaces", "--pack-destination", tarballs], REPO, 120_000);
    expect(packed.code).toBe(0);
    const files = readdirSync(tarballs).sort();
    expect(files).toEqual(
      readWorkspaceNames()
        .map((name) => `${name.replace("@", "").replace("/", "-")}-${VERSION}.tgz`)
        .sort(),
    );
    // The README's command, plus --prefer-offline: the registry's packages
    // come from npm's cache when it has them, so the network only on a fresh machine.
    const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", ...files.map((file) => join(tarballs, file))];
    const installed = await project.npm(args, 840_000);
    expect({ code: installed.code, stderr: installed.code === 0 ? "" : installed.stderr }).toEqual({ code: 0, stderr: "" });
    await expectWorkingCommand(project);
    await expectLibrariesLoad(project);
    await expectLocalCloudStarts(project);
  });
});
