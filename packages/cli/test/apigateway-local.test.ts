// fixtures/aws/api end to end on the real local cloud daemon: `up` deploys an
// HTTP API and a REST API whose routes are inline handlers, prints both URLs
// as stack outputs, and requests through fetch get the handlers' answers as
// API Gateway maps them; no-change up; a bad route is refused before
// anything is applied; destroy takes the APIs (and their servers) away.
import { afterAll, beforeAll, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { createProject, type Project } from "./support/deploy.js";

// The SDK warns once per process that Node 20 support ends in 2027; tests need not say so.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

let daemon: DaemonProcess;
let project: Project;
let port: string;

beforeAll(async () => {
  daemon = await startDaemon();
  port = String(daemon.port);
  project = createProject("api", {});
});
afterAll(async () => {
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
  expect([item.status, item.headers.get("content-type"), await item.json()]).toEqual([200, "application/json", { greeting: "hello", id: "42", query: { color: "red,blue" }, routeKey: "GET /items/{id}" }]);

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
