// Asynchronous invocation: Event invokes are queued durably and delivered
// at least once; a function error is retried after each configured delay
// (50 and 100 ms here) and then kept as a failed event, never dropped; a
// function at its concurrency makes events wait; and a kill -9 of the daemon
// with events queued and in flight loses none of them.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";

interface Attempt {
  id: string;
  started: number;
  ended: number;
  pid: number;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(asyncRetryDelaysMs?: number[]): Promise<{ daemon: DaemonProcess; aws: Clients; out: string }> {
  const daemon = await startDaemon(asyncRetryDelaysMs === undefined ? {} : { asyncRetryDelaysMs });
  const aws = clientsFor(daemon.endpoint);
  const dir = mkdtempSync(join(tmpdir(), "cloud-async-"));
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => removeDataDir(daemon.dataDir),
    () => daemon.stop(),
    () => aws.destroy(),
  );
  return { daemon, aws, out: join(dir, "attempts.jsonl") };
}

function attempts(out: string): Attempt[] {
  try {
    return readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Attempt);
  } catch {
    return [];
  }
}

/** Polls until `done` holds (each test's timeout bounds the wait). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 25));
}

async function control(daemon: DaemonProcess, path: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${daemon.endpoint}/_closure-pack/lambda/${path}`)).json()) as Record<string, unknown>;
}

function sendEvent(aws: Clients, name: string, event: object) {
  return aws.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: "Event", Payload: Buffer.from(JSON.stringify(event)) }));
}

describe("async invocation", () => {
  it("event: delivered once and removed from the queue", async () => {
    const { daemon, aws, out } = await setup();
    await createFixtureFunction(aws, "recorder", "record", { Environment: { Variables: { OUT: out } } });
    expect((await sendEvent(aws, "recorder", { id: "a" })).StatusCode).toBe(202);
    await until(async () => attempts(out).length === 1 && (await control(daemon, "queue")).pending === 0);
    expect(attempts(out).map((each) => each.id)).toEqual(["a"]);
  });

  it("retry: two failures then a success is delivered, with nothing failed", async () => {
    const { daemon, aws, out } = await setup();
    await createFixtureFunction(aws, "flaky", "record", { Environment: { Variables: { OUT: out } } });
    await sendEvent(aws, "flaky", { id: "b", failTimes: 2 });
    await until(async () => (await control(daemon, "queue")).pending === 0);
    expect(attempts(out).map((each) => each.id)).toEqual(["b", "b", "b"]);
    expect(await control(daemon, "failed-events")).toEqual({ failedEvents: [] });
  });

  it("retry: an event failing every attempt is kept as a failed event with its last error", async () => {
    const { daemon, aws, out } = await setup();
    await createFixtureFunction(aws, "doomed", "record", { Environment: { Variables: { OUT: out } } });
    await sendEvent(aws, "doomed", { id: "c", failTimes: 10 });
    await until(async () => ((await control(daemon, "failed-events")).failedEvents as unknown[]).length === 1);
    expect(attempts(out).map((each) => each.id)).toEqual(["c", "c", "c"]);
    const [failed] = (await control(daemon, "failed-events")).failedEvents as Array<Record<string, unknown>>;
    expect(failed).toMatchObject({
      functionName: "doomed",
      source: "lambda:Invoke",
      payload: { id: "c", failTimes: 10 },
      attempts: 3,
      error: { errorType: "Error", errorMessage: "attempt 3 of c fails" },
    });
    expect((await control(daemon, "queue")).pending).toBe(0);
  });

  it("retry: Lambda's own delays (1 and 2 minutes) follow the daemon's clock, so advancing it brings each retry forward", async () => {
    const { daemon, aws, out } = await setup([60_000, 120_000]);
    await createFixtureFunction(aws, "patient", "record", { Environment: { Variables: { OUT: out } } });
    await sendEvent(aws, "patient", { id: "p", failTimes: 10 });
    // Each advance once the failed attempt's retry is written (its delay counts from then).
    const retryWritten = (count: number) => async () => attempts(out).length === count && (await control(daemon, "queue")).inFlight === 0;
    await until(retryWritten(1));
    await fetch(`${daemon.endpoint}/_closure-pack/clock/advance?ms=60000`, { method: "POST" });
    await until(retryWritten(2));
    await fetch(`${daemon.endpoint}/_closure-pack/clock/advance?ms=120000`, { method: "POST" });
    await until(async () => ((await control(daemon, "failed-events")).failedEvents as unknown[]).length === 1);
    expect(attempts(out).map((each) => each.id)).toEqual(["p", "p", "p"]);
  });

  it("throttle: at reserved concurrency 1, events wait and never overlap", async () => {
    const { daemon, aws, out } = await setup();
    await createFixtureFunction(aws, "single", "record", { Environment: { Variables: { OUT: out } } });
    const { PutFunctionConcurrencyCommand } = await import("@aws-sdk/client-lambda");
    await aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "single", ReservedConcurrentExecutions: 1 }));
    for (const id of ["d1", "d2", "d3", "d4"]) await sendEvent(aws, "single", { id, ms: 50 });
    await until(async () => (await control(daemon, "queue")).pending === 0);
    const seen = attempts(out).sort((a, b) => a.started - b.started);
    expect(seen.map((each) => each.id).sort()).toEqual(["d1", "d2", "d3", "d4"]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.started).toBeGreaterThanOrEqual(seen[i - 1]!.ended);
  });

  it("kill -9: every event queued or in flight when the daemon dies is delivered after a restart", async () => {
    const { daemon, aws, out } = await setup();
    await createFixtureFunction(aws, "durable", "record", { Environment: { Variables: { OUT: out } }, Timeout: 30 });
    const ids = Array.from({ length: 20 }, (_, index) => `e${index}`);
    for (const id of ids) await sendEvent(aws, "durable", { id, ms: 100 });
    // Some delivered, some running, the rest still queued.
    await until(() => attempts(out).length >= 3);
    await daemon.kill();
    const restarted = await startDaemon({ dataDir: daemon.dataDir });
    cleanups.push(() => restarted.stop());
    await until(async () => (await control(restarted, "queue")).pending === 0);
    const delivered = new Set(attempts(out).map((each) => each.id));
    expect([...delivered].sort()).toEqual([...ids].sort());
    expect(await control(restarted, "failed-events")).toEqual({ failedEvents: [] });
  });
});
