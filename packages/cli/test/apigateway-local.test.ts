// fixtures/aws/api end to end on the real local cloud daemon: `up` deploys an
// HTTP API and a REST API whose routes are inline handlers, prints both URLs
// as stack outputs, and requests through fetch get the handlers' answers as
// API Gateway maps them; no-change up; a bad route is refused before
// anything is applied; destroy takes the APIs (and their servers) away.
import { GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import { createProviderContext, localTarget, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { createProject, killHard, type Project } from "./support/deploy.js";

let daemon: DaemonProcess;
let project: Project;
let port: string;
let sdk: ProviderContext;

beforeAll(async () => {
  daemon = await startDaemon();
  port = String(daemon.port);
  project = createProject("api", {});
  sdk = createProviderContext(localTarget(daemon.port), { stack: "t", project: "t" });
});
afterAll(async () => {
  sdk?.destroy();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
  project?.remove();
});

function outputLine(stdout: string, name: string): string {
  const line = stdout.split("\n").find((each) => each.startsWith(`  ${name}: `));
  if (line === undefined) throw new Error(`no output ${name} in:\n${stdout}`);
  return JSON.parse(line.slice(`  ${name}: `.length)) as string;
}

test("api on the local cloud: up prints the URLs, both APIs answer through fetch, no-change up, destroy", async () => {
  const up = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(up.code, up.stderr).toBe(0);
  const shopUrl = outputLine(up.stdout, "shopUrl");
  const shopRestUrl = outputLine(up.stdout, "shopRestUrl");
  expect(shopUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(shopRestUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stage\/$/);
  expect((await project.run(["stack", "output", "shopUrl"])).stdout.trim()).toBe(shopUrl);

  const item = await fetch(`${shopUrl}items/42?color=red&color=blue`);
  expect([item.status, item.headers.get("content-type"), await item.json()]).toEqual([
    200,
    "application/json",
    { greeting: "hello", id: "42", query: { color: "red,blue" }, routeKey: "GET /items/{id}" },
  ]);

  const stored = await fetch(`${shopUrl}items`, { method: "POST", body: "a pear", headers: { "content-type": "text/plain" } });
  expect([stored.status, stored.headers.get("set-cookie"), await stored.text()]).toEqual([201, "seen=1; Path=/", "stored a pear"]);

  const failed = await fetch(`${shopUrl}fail`);
  expect([failed.status, await failed.text()]).toEqual([502, '{"message":"Internal Server Error"}']);
  const missing = await fetch(`${shopUrl}nothing`);
  expect([missing.status, await missing.text()]).toEqual([404, '{"message":"Not Found"}']);

  const restItem = await fetch(`${shopRestUrl}items/7?tag=a&tag=b`);
  expect([restItem.status, await restItem.json()]).toEqual([200, { greeting: "hello", id: "7", resource: "/items/{id}", stage: "stage", tags: ["a", "b"] }]);
  const restOther = await fetch(`${shopRestUrl}some/where`, { method: "DELETE" });
  expect([restOther.status, await restOther.text()]).toEqual([404, "nothing at /some/where"]);

  const again = await project.run(["up", "index.ts", "--yes", "--port", port]);
  expect(again.stdout).toContain("no changes\n");
  expect(outputLine(again.stdout, "shopUrl")).toBe(shopUrl);

  const destroyed = await project.run(["destroy", "index.ts", "--yes", "--port", port]);
  expect(destroyed.code, destroyed.stderr).toBe(0);
  await expect(fetch(`${shopUrl}items/42`)).rejects.toThrow();
  await expect(fetch(shopRestUrl)).rejects.toThrow();
}, 300_000);

// The plan has 22 steps, two kill points each (journaled, then called but not recorded); the
// HTTP API's were points 27 and 28, the REST API's 33 and 34 (their functions come first; steps
// run four at a time, so the points around them are taken too).
test("api: kill -9 of up before and after each API's create call, then up again: one API of each kind, each serving", async () => {
  const interrupted: string[] = [];
  for (const point of [26, 27, 28, 29, 32, 33, 34, 35]) {
    const fresh = createProject("api", {});
    try {
      const up = ["up", "index.ts", "--yes", "--port", port];
      await killHard(await fresh.startUntil(up, `test kill point ${point} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(point) }));
      interrupted.push(...(JSON.parse(fresh.read(".closure-pack/stacks/dev.json")) as StackState).pending.map((operation) => operation.type));
      const rerun = await fresh.run(up);
      expect(rerun.code, rerun.stderr).toBe(0);
      const state = JSON.parse(fresh.read(".closure-pack/stacks/dev.json")) as StackState;
      const ids = (type: string) => state.resources.filter((r) => r.type === type).map((r) => r.id);
      const httpApis = ((await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? []).map((api) => api.Name);
      const restApis = ((await sdk.clients.apigateway.send(new GetRestApisCommand({}))).items ?? []).map((api) => api.name);
      expect({ point, httpApis, restApis }).toEqual({ point, httpApis: ids("aws:apigatewayv2:Api"), restApis: ids("aws:apigateway:RestApi") });
      const shopUrl = outputLine(rerun.stdout, "shopUrl");
      const shopRestUrl = outputLine(rerun.stdout, "shopRestUrl");
      expect([(await fetch(`${shopUrl}items/1`)).status, (await fetch(`${shopRestUrl}items/1`)).status]).toEqual([200, 200]);
      expect((await fresh.run(up)).stdout).toContain("no changes\n");
      expect((await fresh.run(["destroy", "index.ts", "--yes", "--port", port])).code).toBe(0);
    } finally {
      fresh.remove();
    }
  }
  // Some points did cut each API's own create short.
  expect(new Set(interrupted.filter((type) => type.includes("apigateway")))).toEqual(new Set(["aws:apigatewayv2:Api", "aws:apigateway:RestApi"]));
}, 600_000);

test("api: a route AWS would refuse stops up before anything is applied", async () => {
  const bad = createProject("api", {});
  try {
    bad.write("index.ts", bad.read("index.ts").replace('path: "/fail"', 'path: "/fail/{proxy+}/more"'));
    const up = await bad.run(["up", "index.ts", "--yes", "--port", port]);
    expect([up.code, up.stderr]).toEqual([
      1,
      'index.ts:7: aws:apigatewayv2:Api "shop": route 3 (GET /fail/{proxy+}/more): the path is not a valid path template: the greedy variable {proxy+} must be the last segment\nhint: use literal segments, {name} variables and a final greedy {name+}, such as /items/{id} or /{proxy+}\n',
    ]);
    expect(up.stdout).toBe("");
  } finally {
    bad.remove();
  }
}, 120_000);
