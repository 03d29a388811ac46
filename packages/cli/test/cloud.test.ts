// `closure-pack cloud start|stop|status|tick` run as a child process, as users
// run it: the daemon starts in the background and outlives the command,
// status says whether it runs, tick moves its clock, stop ends it; usage
// errors name the argument.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    await runCli(["cloud", "stop", "--data", "data"], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
  }
});

function workspace(): { dir: string; run: (args: string[]) => ReturnType<typeof runCli> } {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-cloud-cli-"));
  dirs.push(dir);
  return { dir, run: (args) => runCli(args, { cwd: dir }) };
}

describe("cloud command", () => {
  it("cloud: start, status, tick, stop, status", async () => {
    const { run } = workspace();
    const start = await run(["cloud", "start", "--data", "data", "--port", "0"]);
    const match = /^local cloud running at (http:\/\/127\.0\.0\.1:(\d+)) \(pid (\d+), data data\)\n$/.exec(start.stdout);
    expect([start.code, start.stderr, match !== null]).toEqual([0, "", true]);
    const [, endpoint, , pid] = match!;
    // The command has exited; the daemon runs on.
    expect(((await (await fetch(`${endpoint}/_closure-pack/health`)).json()) as { pid: number }).pid).toBe(Number(pid));
    expect((await run(["cloud", "start", "--data", "data"])).stdout).toBe(`local cloud already running at ${endpoint} (pid ${pid}, data data)\n`);
    expect((await run(["cloud", "status", "--data", "data"])).stdout).toBe(`running at ${endpoint} (pid ${pid}, data data)\n`);
    const status = JSON.parse((await run(["cloud", "status", "--data", "data", "--json"])).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ state: "running", endpoint, pid: Number(pid), dataDir: "data" });

    const before = ((await (await fetch(`${endpoint}/_closure-pack/health`)).json()) as { now: number }).now;
    const tick = await run(["cloud", "tick", "1h30m", "--data", "data"]);
    const now = Date.parse(/it is now (\S+)\n$/.exec(tick.stdout)![1]!);
    expect(tick.stdout).toMatch(/^advanced the local cloud's clock by 1h30m: it is now \d{4}-\d\d-\d\dT[\d:.]+Z\n$/);
    expect(now - before).toBeGreaterThanOrEqual(5_400_000);

    expect(await run(["cloud", "stop", "--data", "data"])).toEqual({ code: 0, stdout: `stopped the local cloud (pid ${pid})\n`, stderr: "" });
    expect((await run(["cloud", "status", "--data", "data"])).stdout).toBe("stopped (data data)\n");
    expect((await run(["cloud", "stop", "--data", "data"])).stdout).toBe("no local cloud is running (data data)\n");
  });

  it("cloud: start --durability machine flushes every write (the health answer says so)", async () => {
    const { run } = workspace();
    const start = await run(["cloud", "start", "--data", "data", "--port", "0", "--durability", "machine"]);
    const endpoint = /running at (\S+) /.exec(start.stdout)?.[1];
    expect([start.code, start.stderr, endpoint !== undefined]).toEqual([0, "", true]);
    expect(((await (await fetch(`${endpoint}/_closure-pack/health`)).json()) as { durability: string }).durability).toBe("machine");
  });

  it("cloud: tick without a running daemon is an error with a hint", async () => {
    const { dir, run } = workspace();
    expect(await run(["cloud", "tick", "5m", "--data", "data"])).toEqual({
      code: 1,
      stdout: "",
      stderr: `${join(dir, "data")}: no local cloud is running on this data folder\nhint: start it with \`closure-pack cloud start\`\n`,
    });
  });

  const usage: Array<[string, string[], string]> = [
    ["usage: no subcommand", ["cloud"], '"cloud" takes start, stop, status or tick, got none'],
    ["usage: an unknown subcommand", ["cloud", "restart"], '"cloud" takes start, stop, status or tick, got "restart"'],
    ["usage: a duration without a unit", ["cloud", "tick", "5"], 'the duration must be a number and a unit (ms, s, m, h, d), e.g. 5m or 1h30m, got "5"'],
    ["usage: tick without a duration", ["cloud", "tick"], '"cloud tick" takes a duration, e.g. 5m, 1h30m or 250ms'],
    ["usage: --port on stop", ["cloud", "stop", "--port", "1"], 'unknown option "--port" for "cloud stop"'],
    ["usage: a port out of range", ["cloud", "start", "--port", "70000"], 'option "--port" must be a whole number from 0 to 65535, got "70000"'],
    ["usage: an unknown flag", ["cloud", "status", "--verbose"], 'unknown option "--verbose" for "cloud status"'],
    ["usage: an unknown durability", ["cloud", "start", "--durability", "disk"], 'option "--durability" must be "process" or "machine", got "disk"'],
    ["usage: --durability on status", ["cloud", "status", "--durability", "machine"], 'unknown option "--durability" for "cloud status"'],
  ];

  it.each(usage)("%s", async (_name, args, message) => {
    const { run } = workspace();
    const result = await run(args);
    expect([result.code, result.stdout, result.stderr.split("\n")[0]]).toEqual([2, "", `closure-pack: ${message}`]);
  });
});
