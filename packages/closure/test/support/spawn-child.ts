// Runs one of the plain-JS child scripts with `node`, a JSON request file, an
// explicit environment and a hard timeout, and returns the JSON result the
// child wrote. Anything else (a crash, a hang, no result) becomes an Error
// that carries the child's stderr and stdout.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { supportDir } from "./workspace.js";

/** Per child; two children must fit in the 60 s test timeout (see SLOW_*). */
export const CHILD_TIMEOUT_MS = 25_000;
/** For rows marked slow: test timeout and per-child timeout. */
export const SLOW_TEST_TIMEOUT_MS = 200_000;
export const SLOW_CHILD_TIMEOUT_MS = 90_000;

export interface ChildRun {
  script: "child-serialize.cjs" | "child-run.cjs" | "child-batch.cjs";
  request: Record<string, unknown>;
  /** Where to write the request file. */
  requestPath: string;
  cwd: string;
  /** The whole environment: nothing is inherited from the test worker. */
  env: Record<string, string>;
  timeoutMs?: number;
}

/**
 * The environment children start from: PATH only, TZ fixed so Date output is
 * comparable, and no NODE_OPTIONS/NODE_PATH/VITEST* from the test worker.
 */
export function baseEnv(): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "/usr/bin:/bin", TZ: "UTC" };
}

export function runChild(run: ChildRun): Promise<Record<string, unknown>> {
  const resultPath = run.requestPath.replace(/\.json$/, "") + ".result.json";
  rmSync(resultPath, { force: true });
  writeFileSync(run.requestPath, JSON.stringify({ ...run.request, resultPath }));
  const script = join(supportDir, run.script);
  const timeoutMs = run.timeoutMs ?? CHILD_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--no-warnings", script, run.requestPath], {
      cwd: run.cwd,
      env: run.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const fail = (why: string) => reject(new Error(`${run.script} ${why}\n${tail("stderr", stderr)}${tail("stdout", stdout)}`));
      if (timedOut) return fail(`timed out after ${timeoutMs} ms`);
      if (!existsSync(resultPath)) return fail(`exited with code ${code} signal ${signal} without a result`);
      try {
        resolve(JSON.parse(readFileSync(resultPath, "utf8")) as Record<string, unknown>);
      } catch (error) {
        fail(`wrote a result that is not JSON: ${String(error)}`);
      }
    });
  });
}

function tail(label: string, text: string): string {
  if (text.trim() === "") return "";
  const kept = text.length > 4000 ? `…${text.slice(-4000)}` : text;
  return `--- ${label} ---\n${kept}\n`;
}
