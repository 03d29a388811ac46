// What the state keeps: identifiers and hashes, never credentials or secret
// values. The secrets fixture (a function whose environment holds a
// password from the shell) deployed to moto_server with a named profile's
// credentials; then every file under .closure-pack/ (state, journal, lock,
// code cache) is searched for the credentials and the password.
import { GetFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { createProviderContext, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { hasMoto, startMoto, type Moto } from "../../aws/test/support/moto.js";
import { createProject, type Project } from "./support/deploy.js";

const enabled = hasMoto();
let moto: Moto;
let sdk: ProviderContext;
let project: Project;

const ACCESS_KEY = "AKIACLOSUREPACKTEST7";
const SECRET_KEY = "wJalrXUtnFEMI-closure-pack-test-secret-key";
const SESSION_TOKEN = "FwoGZXIvYXdzEClosurePackSessionToken";
const PASSWORDS = ["correct-horse-battery-staple", "tr0ub4dor-and-3"];

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  sdk = createProviderContext(
    { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { stack: "t", project: "t" },
  );
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  project = createProject("secrets", {});
  project.write("credentials", `[deployer]\naws_access_key_id = ${ACCESS_KEY}\naws_secret_access_key = ${SECRET_KEY}\naws_session_token = ${SESSION_TOKEN}\n`);
  return () => project.remove();
});

function env(password: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: "us-east-1",
    AWS_SHARED_CREDENTIALS_FILE: join(project.dir, "credentials"),
    AWS_CONFIG_FILE: "/nonexistent",
    DB_PASSWORD: password,
  };
}

/** Every file under .closure-pack/ (zips as bytes read as latin1, so any text in them is found). */
function files(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ path: join(entry.parentPath, entry.name), text: readFileSync(join(entry.parentPath, entry.name), "latin1") }));
}

function leaks(values: readonly string[]): string[] {
  return files(join(project.dir, ".closure-pack")).flatMap(({ path, text }) =>
    values.filter((value) => text.includes(value)).map((value) => `${path.slice(project.dir.length)}: ${value}`),
  );
}

describe.skipIf(!enabled)("state: no credentials, no secrets", () => {
  test("state: a function's environment and the profile's credentials never reach .closure-pack/", async () => {
    const up = await project.run(["up", "index.ts", "--target", "aws", "--profile", "deployer", "--yes"], env(PASSWORDS[0]!));
    expect(up.code, up.stderr).toBe(0);
    const state = JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
    const fn = state.resources.find((r) => r.type === "aws:lambda:Function")!;
    const deployed = await sdk.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn.id }));
    expect(deployed.Environment?.Variables).toEqual({ STAGE: "test", DB_PASSWORD: PASSWORDS[0] });
    expect(fn.inputs.environment).toEqual({ "closure-pack:sha256": expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(
      files(join(project.dir, ".closure-pack"))
        .map((f) => f.path.slice(project.dir.length))
        .filter((p) => p.includes("cache/")).length,
    ).toBeGreaterThan(0);
    expect(leaks([ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, PASSWORDS[0]!])).toEqual([]);

    // Sealed, the environment still tells a change: the same password plans nothing, another one updates the function.
    expect((await project.run(["up", "index.ts", "--profile", "deployer", "--yes"], env(PASSWORDS[0]!))).stdout).toContain("no changes\n");
    const changed = await project.run(["up", "index.ts", "--profile", "deployer", "--yes", "--diff"], env(PASSWORDS[1]!));
    expect(changed.stdout).toContain("  aws:lambda:Function  worker  update\n      environment: (secret) => (secret)\n");
    const updated = await sdk.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn.id }));
    expect(updated.Environment?.Variables).toEqual({ STAGE: "test", DB_PASSWORD: PASSWORDS[1] });
    expect(leaks([ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, ...PASSWORDS])).toEqual([]);
  }, 300_000);
});
