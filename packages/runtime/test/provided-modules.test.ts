// The AWS SDK as Lambda provides it: provideAwsSdk() links the installed
// @aws-sdk and @smithy packages (nothing else) into one folder; a function
// given it requires and imports @aws-sdk without bundling it; without it,
// the error says how to provide it. And an instance never outlives the
// process that started it, even one killed with -9.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { writeZip } from "@closure-pack/pack";
import { describe, expect, it } from "vitest";
import { createFunction, provideAwsSdk, type InvokeResult } from "../src/index.js";
import { FIXTURES, isAlive, tempDir, track } from "./support/functions.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const HANDLERS: Record<string, string> = {
  "index.js": `const { STSClient } = require("@aws-sdk/client-sts");\nexports.handler = async () => typeof STSClient;\n`,
  "index.mjs": `import { STSClient } from "@aws-sdk/client-sts";\nexport const handler = async () => typeof STSClient;\n`,
};

async function sdkFunction(file: string, providedModules: string | undefined): Promise<InvokeResult> {
  // A zip, unpacked in a temp folder: no node_modules above it to find the SDK by accident.
  const code = await writeZip([{ path: file, bytes: HANDLERS[file]! }]);
  const fn = track(await createFunction({ name: "sdk", code, cacheDir: tempDir("cache"), ...(providedModules === undefined ? {} : { providedModules }) }));
  return fn.invoke({});
}

const HINT =
  "hint: Lambda's Node.js runtimes include @aws-sdk/client-sts; closure-pack gives functions the @aws-sdk packages installed in your project or beside closure-pack, and @aws-sdk/client-sts is in neither: install it (npm install @aws-sdk/client-sts), or bundle it into the function";

describe("provided modules", () => {
  it("sdk: the folder links the installed @aws-sdk and @smithy packages and nothing else", () => {
    const folder = provideAwsSdk([ROOT], tempDir("sdk"))!;
    expect(readdirSync(folder).sort()).toEqual(["@aws-sdk", "@smithy"]);
    expect(readdirSync(`${folder}/@aws-sdk`)).toContain("client-sts");
    expect(existsSync(`${folder}/@aws-sdk/client-sts/package.json`)).toBe(true);
    expect(provideAwsSdk([tempDir("empty")], tempDir("sdk"))).toBeUndefined();
  });

  it.each(["index.js", "index.mjs"])("sdk: %s loads @aws-sdk/client-sts from the provided folder", async (file) => {
    const result = await sdkFunction(file, provideAwsSdk([ROOT], tempDir("sdk")));
    expect(result).toMatchObject({ ok: true, value: "function" });
  });

  it.each(["index.js", "index.mjs"])("sdk: %s without it fails with a hint", async (file) => {
    const result = await sdkFunction(file, undefined);
    expect(result).toMatchObject({ ok: false, error: { errorType: "Runtime.ImportModuleError" } });
    const message = result.ok ? "" : result.error.errorMessage;
    expect(message.split("\n").at(-1)).toBe(HINT);
  });
});

describe("parent death", () => {
  it("kill -9: busy and idle instances end with the process that started them", async () => {
    const parent = spawn(process.execPath, [`${FIXTURES}parent/start-and-sleep.mjs`, tempDir("cache")], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve) => createInterface({ input: parent.stdout! }).once("line", resolve));
    const { busyPid, idlePid } = JSON.parse(line) as { busyPid: number; idlePid: number };
    expect([isAlive(busyPid), isAlive(idlePid)]).toEqual([true, true]);
    parent.kill("SIGKILL");
    // Each child reads end-of-file on its pipe and exits: wait until both are gone (the test's timeout bounds it).
    while (isAlive(busyPid) || isAlive(idlePid)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect([isAlive(busyPid), isAlive(idlePid)]).toEqual([false, false]);
  });
});
