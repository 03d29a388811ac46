// Runs one of the plain-JS child scripts with `node`, a JSON request file, an
// explicit environment and a hard timeout, and returns its one result line.
// Anything else (a crash, a hang, no result line) becomes a readable Error.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { supportDir } from "./workspace.js";

/** Prefix of the child's result line (see child-common.cjs). */
const MARKER = "@@closure-pack-test@@ ";
/** Per child; two children must fit in the 60 s test timeout. */
export const CHILD_TIMEOUT_MS = 25_000;

export interface ChildRun {
  script: "child-serialize.cjs" | "child-run.cjs";
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
  writeFileSync(run.requestPath, JSON.stringify(run.request));
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
      const line = stdout.split("\n").find((l) => l.startsWith(MARKER));
      if (line !== undefined && !timedOut) {
        resolve(JSON.parse(line.slice(MARKER.length)) as Record<string, unknown>);
        return;
      }
      const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with code ${code} signal ${signal}`;
      reject(new Error(`${run.script} ${why} without a result line\n${tail("stderr", stderr)}${tail("stdout", stdout)}`));
    });
  });
}

function tail(label: string, text: string): string {
  if (text.trim() === "") return "";
  const kept = text.length > 4000 ? `…${text.slice(-4000)}` : text;
  return `--- ${label} ---\n${kept}\n`;
}
