// Issue 11's differential test: handlers in the shapes real Lambda functions
// take (fixtures/real-handlers, with the real packages) are packed both ways,
// the default mode (the module runs at pack time; what cannot be copied is
// rebuilt from its declaration) and --mode bundle (the module runs at cold
// start), then invoked with the same events: the responses and the logs,
// less what differs between any two runs (ids, times, durations), must match.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runCli } from "./support/cli.js";

interface Row {
  fixture: string;
  events: unknown[];
  /** Extra pack flags for both modes. */
  flags?: string[];
}

const rows: Row[] = [
  { fixture: "powertools-logger.mjs", events: [{ orderId: "o-1" }, { orderId: "o-2" }] },
  { fixture: "powertools-metrics.mjs", events: [{ count: 3 }] },
  { fixture: "sdk-v3-clients.mjs", events: [{}], flags: ["--bundle-aws-sdk"] },
  { fixture: "middy.mjs", events: [{ name: "ann" }, { name: "bob" }] },
  { fixture: "express-app.cjs", events: [apiRequest("/hello", "name=ada"), apiRequest("/missing", "")] },
  { fixture: "aws-sdk-v2.cjs", events: [{}] },
];

const dir = mkdtempSync(join(tmpdir(), "closure-pack-differential-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent("differential: the default mode behaves as --mode bundle", () => {
  for (const row of rows) {
    it(`differential: ${row.fixture}`, async () => {
      const entry = join("fixtures", "real-handlers", row.fixture);
      const zips = { eval: join(dir, `${row.fixture}.eval.zip`), bundle: join(dir, `${row.fixture}.bundle.zip`) };
      const packed = await runCli([entry, "-o", zips.eval, "--quiet", ...(row.flags ?? [])], { cwd: REPO });
      // The module runs at pack time: the SDKs' own notices may be printed, never a refusal.
      expect(packed.code, packed.stderr).toBe(0);
      expect(packed.stderr).not.toMatch(/cannot|hint:/);
      const bundled = await runCli([entry, "-o", zips.bundle, "--mode", "bundle", "--quiet", ...(row.flags ?? [])], { cwd: REPO });
      expect(bundled.code, bundled.stderr).toBe(0);
      for (const [i, event] of row.events.entries()) {
        const file = join(dir, `${row.fixture}.${i}.json`);
        writeFileSync(file, JSON.stringify(event));
        const [a, b] = await Promise.all([invoke(zips.eval, file), invoke(zips.bundle, file)]);
        expect(a.code, a.stderr).toBe(0);
        expect(normalize(a.stdout), `response to event ${i}`).toBe(normalize(b.stdout));
        expect(normalize(a.stderr), `logs of event ${i}`).toBe(normalize(b.stderr));
      }
    }, 120_000);
  }
});

function invoke(zip: string, event: string) {
  return runCli(["invoke", zip, "--event", event, "--timeout", "30"], { cwd: REPO });
}

/** What differs between any two runs of one package: request and trace ids, times, durations, memory. */
function normalize(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
    .replace(/1-[0-9a-f]{8}-[0-9a-f]{24}/g, "<trace>")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>")
    .replace(/"Timestamp":\d+/g, '"Timestamp":<ms>')
    .replace(/(Duration|Max Memory Used|Init Duration): [\d.]+ (ms|MB)/g, "$1: <n>")
    .replace(/\(node:\d+\)/g, "(node)")
    .replace(/closure-pack-runtime\/[^/\s"]+/g, "closure-pack-runtime/<zip>");
}

function apiRequest(path: string, query: string): unknown {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: query,
    headers: { host: "api.test", accept: "application/json" },
    requestContext: {
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
      stage: "$default",
      requestId: "r",
      routeKey: "$default",
      accountId: "1",
      apiId: "a",
      domainName: "api.test",
      domainPrefix: "api",
      time: "t",
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}
