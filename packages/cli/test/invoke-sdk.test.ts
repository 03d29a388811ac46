// `closure-pack invoke` gives functions the AWS SDK v3 as Lambda's Node.js
// runtimes do: the invoked project's @aws-sdk packages, else closure-pack's
// own; a package in neither fails with a hint; the host's NODE_PATH never
// reaches the function.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

beforeAll(() => {
  // Under the system's temp folder: no node_modules above it but the ones written here.
  dir = realpathSync(mkdtempSync(join(tmpdir(), "closure-pack-invoke-sdk-")));
  write(
    "plain/cjs.js",
    `const { S3Client } = require("@aws-sdk/client-s3");\nexports.handler = async () => typeof new S3Client({ region: "us-east-1" }).send;\n`,
  );
  write(
    "plain/esm.mjs",
    `import { S3Client } from "@aws-sdk/client-s3";\nexport const handler = async () => typeof new S3Client({ region: "us-east-1" }).send;\n`,
  );
  write("plain/missing.js", `require("@aws-sdk/client-ec2");\nexports.handler = async () => "loaded";\n`);
  write("plain/host.js", `require("host-only");\nexports.handler = async () => "loaded";\n`);
  write("host/host-only/index.js", `module.exports = "from the host";\n`);
  // A project with its own (fake) copy of a client: it wins over closure-pack's.
  write("project/node_modules/@aws-sdk/client-s3/package.json", `{ "name": "@aws-sdk/client-s3", "version": "0.0.0-project", "main": "index.js" }\n`);
  write("project/node_modules/@aws-sdk/client-s3/index.js", `exports.whose = "the project's";\n`);
  write("project/fn/index.js", `exports.handler = async () => require("@aws-sdk/client-s3").whose;\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HINT =
  "hint: Lambda's Node.js runtimes include @aws-sdk/client-ec2; closure-pack gives functions the @aws-sdk packages installed in your project or beside closure-pack, and @aws-sdk/client-ec2 is in neither: install it (npm install @aws-sdk/client-ec2), or bundle it into the function";

describe("invoke: the AWS SDK as on Lambda", () => {
  it.each([["cjs.handler"], ["esm.handler"]])("sdk: %s creates an S3Client from closure-pack's copy", async (handler) => {
    const result = await runCli(["invoke", "plain", "--handler", handler], { cwd: dir });
    expect([result.code, result.stdout]).toEqual([0, '"function"\n']);
  });

  it("sdk: the project's own copy wins", async () => {
    const result = await runCli(["invoke", "project/fn"], { cwd: dir });
    expect([result.code, result.stdout]).toEqual([0, `"the project's"\n`]);
  });

  it("sdk: a client installed nowhere fails with a hint", async () => {
    const result = await runCli(["invoke", "plain", "--handler", "missing.handler"], { cwd: dir });
    expect(result.code).toBe(1);
    const error = JSON.parse(result.stdout) as { errorType: string; errorMessage: string };
    expect(error.errorType).toBe("Runtime.ImportModuleError");
    expect(error.errorMessage.replaceAll(dir, "<dir>")).toBe(
      `Error: Cannot find module '@aws-sdk/client-ec2'\nRequire stack:\n- <dir>/plain/missing.js\n- <dir>/plain/__closure_pack_bootstrap__.js\n${HINT}`,
    );
  });

  it("host: NODE_PATH of the shell running closure-pack does not reach the function", async () => {
    const shown = await runCli(["invoke", "plain", "--handler", "host.handler"], { cwd: dir, env: { NODE_PATH: join(dir, "host") } });
    expect(shown.code).toBe(1);
    const error = JSON.parse(shown.stdout) as { errorType: string; errorMessage: string };
    expect([error.errorType, error.errorMessage.split("\n")[0]]).toEqual(["Runtime.ImportModuleError", "Error: Cannot find module 'host-only'"]);
  });
});
