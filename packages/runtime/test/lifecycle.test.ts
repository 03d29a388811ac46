// Instances over time: timeouts kill, crashes are reported and replaced,
// warm instances are reused, concurrency is capped with a queue past it,
// idle instances end, and close() leaves no process or server behind.
import { connect } from "node:net";
import { describe, expect, it, vi } from "vitest";
import type { InvokeResult } from "../src/index.js";
import { expectGone, fixtureFunction, isAlive } from "./support/functions.js";

function valueOf<T>(result: InvokeResult): T {
  if (!result.ok) throw new Error(`invocation failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

function canConnect(address: string): Promise<boolean> {
  const [host, port] = address.split(":");
  return new Promise((resolve) => {
    const socket = connect(Number(port), host!, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** The most intervals open at one moment (an end at t comes before a start at t). */
function mostAtOnce(intervals: Array<{ started: number; ended: number }>): number {
  const edges = intervals
    .flatMap(
      (each) =>
        [
          [each.started, 1],
          [each.ended, -1],
        ] as const,
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (open += step));
  return most;
}

describe("lifecycle", () => {
  it("timeout: the instance is killed and the error says so", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.sleep", timeout: 0.5 });
    const first = await fn.invoke({ ms: 5 });
    const { pid } = valueOf<{ pid: number }>(first);
    const result = await fn.invoke({ ms: 5000 });
    expect(result).toMatchObject({
      ok: false,
      error: { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 0.50 seconds`, trace: [] },
      report: { status: "timeout", durationMs: 500, billedDurationMs: 500 },
    });
    expect(result.logs.map((record) => record.message)).toContainEqual(expect.stringMatching(/^\S+Z \S+ Task timed out after 0\.50 seconds$/));
    expect(isAlive(pid)).toBe(false);
    expect(valueOf<{ pid: number }>(await fn.invoke({ ms: 1 })).pid).not.toBe(pid);
  });

  it("timeout: the default is 3 seconds", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.sleep" });
    const result = await fn.invoke({ ms: 10_000 });
    expect(result.ok ? "" : result.error.errorMessage).toBe(`RequestId: ${result.requestId} Error: Task timed out after 3.00 seconds`);
  });

  it("crash: a process exit mid-invocation fails it, the next invocation runs on a new instance", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.crash" });
    const before = valueOf<{ pid: number; calls: number }>(await fn.invoke({}));
    const crashed = await fn.invoke({ crash: true });
    expect(crashed).toMatchObject({
      ok: false,
      error: { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${crashed.requestId} Error: Runtime exited with error: exit status 3`, trace: [] },
      report: { status: "crash" },
    });
    const after = valueOf<{ pid: number; calls: number }>(await fn.invoke({}));
    expect(after.pid).not.toBe(before.pid);
    expect(after.calls).toBe(1);
    expect(fn.stats().instances).toBe(1);
  });

  it("crash: REPORT of an instance's first invocation shows the memory last measured, not 0", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.crash" });
    const crashed = await fn.invoke({ crash: true });
    expect(crashed.report.status).toBe("crash");
    expect(crashed.report.maxMemoryUsedMB).toBeGreaterThan(0);
    const report = crashed.logs.find((record) => record.message.startsWith("REPORT "));
    expect(report?.message).toContain(`\tMax Memory Used: ${crashed.report.maxMemoryUsedMB} MB\t`);
  });

  it("warm: module state survives between invocations of one instance", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.info" });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(valueOf<{ pid: number; calls: number }>(await fn.invoke({})));
    expect(results.map((each) => each.calls)).toEqual([1, 2, 3]);
    expect(new Set(results.map((each) => each.pid)).size).toBe(1);
  });

  it("concurrency: up to the limit at once, the rest queued in order", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.sleep", concurrency: 2 });
    const running = Array.from({ length: 5 }, () => fn.invoke({ ms: 300 }));
    // No deadline of its own: two cold starts on a loaded machine take what they take.
    await expect.poll(() => fn.stats().busy, { interval: 5, timeout: 30_000 }).toBe(2);
    expect(fn.stats()).toEqual({ instances: 2, busy: 2, queued: 3 });
    const results = (await Promise.all(running)).map((each) => valueOf<{ pid: number; started: number; ended: number }>(each));
    expect(new Set(results.map((each) => each.pid)).size).toBe(2);
    // At no moment were more than two handlers running, and each instance
    // took the queued ones one after another (its own clock: an ordering).
    expect(mostAtOnce(results)).toBe(2);
    for (const pid of new Set(results.map((each) => each.pid))) {
      const own = results.filter((each) => each.pid === pid).sort((a, b) => a.started - b.started);
      for (let i = 1; i < own.length; i++) expect(own[i]!.started).toBeGreaterThanOrEqual(own[i - 1]!.ended);
    }
    expect(fn.stats()).toEqual({ instances: 2, busy: 0, queued: 0 });
  });

  it("cold starts: the first invocation of an instance reports its init duration", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.info" });
    const cold = await fn.invoke({});
    const warm = await fn.invoke({});
    expect(cold.report.initDurationMs).toBeGreaterThan(0);
    expect(warm.report.initDurationMs).toBeUndefined();
  });

  it("idle: an instance idle for idleTimeout is ended, not before", async () => {
    // The idle timer runs on vitest's clock, advanced by the test: no sleep.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    // Idle from when the instance asks for its next event, just after the
    // answer: then its idle timer is the one timer left. Interval 0: a poll
    // advances the fake clock by its interval.
    const idle = () => expect.poll(() => vi.getTimerCount(), { interval: 0, timeout: 30_000 }).toBe(1);
    try {
      const fn = await fixtureFunction("cases", { handler: "behaviours.info", idleTimeout: 60 });
      const { pid } = valueOf<{ pid: number }>(await fn.invoke({}));
      await idle();
      vi.advanceTimersByTime(59_999);
      // Still warm: the same process answers, and is idle anew.
      expect(valueOf<{ pid: number; calls: number }>(await fn.invoke({}))).toMatchObject({ pid, calls: 2 });
      await idle();
      vi.advanceTimersByTime(60_000);
      // Killed now; its exit is reported once the process is gone.
      await expect.poll(() => fn.stats().instances, { interval: 5, timeout: 30_000 }).toBe(0);
      expect(isAlive(pid)).toBe(false);
      expect(valueOf<{ calls: number }>(await fn.invoke({})).calls).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("close: no process or Runtime API server is left, later invocations are refused", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.info", concurrency: 3 });
    const results = await Promise.all([fn.invoke({}), fn.invoke({}), fn.invoke({})]);
    const infos = results.map((each) => valueOf<{ pid: number; api: string }>(each));
    expect(await canConnect(infos[0]!.api)).toBe(true);
    const refused = expect(fn.invoke({})).rejects.toThrow(/^cases: the function was closed before the invocation finished$/);
    await fn.close();
    await refused;
    expectGone(infos.map((each) => each.pid));
    for (const each of infos) expect(await canConnect(each.api)).toBe(false);
    await expect(fn.invoke({})).rejects.toThrow("cases: the function is closed");
    expect(fn.stats()).toEqual({ instances: 0, busy: 0, queued: 0 });
  });
});
