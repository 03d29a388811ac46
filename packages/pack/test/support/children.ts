// Runs the plain-JS child scripts of this folder with `node`: a JSON request
// file in, a JSON result file out, an explicit environment and a timeout.
// A crash, a hang or a missing result becomes an Error with the child's output.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const supportDir = fileURLToPath(new URL(".", import.meta.url));
export const repoRoot = join(supportDir, "..", "..", "..", "..");
export const fixturesDir = join(repoRoot, "fixtures", "pack");

export interface ChildOptions {
  cwd: string;
  /** Added to PATH; nothing else is inherited from the test worker. */
  env?: Record<string, string>;
  /** Folder for the request and result files. */
  scratchDir: string;
  timeoutMs?: number;
}

let counter = 0;

/** Runs `script` (a file in test/support) with `request` and resolves with its JSON result. */
export function runChild<T>(script: "child-pack.cjs" | "child-run.cjs", request: object, options: ChildOptions): Promise<T> {
  const id = `${script}-${process.pid}-${counter++}`;
  const requestPath = join(options.scratchDir, `${id}.request.json`);
  const resultPath = join(options.scratchDir, `${id}.result.json`);
  writeFileSync(requestPath, JSON.stringify({ ...request, resultPath }));
  const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", TZ: "UTC", ...options.env };
  const timeoutMs = options.timeoutMs ?? 40_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--no-warnings", join(supportDir, script), requestPath], {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (!existsSync(resultPath)) {
        reject(new Error(`${script} exited with code ${code} signal ${signal} without a result\n${output.slice(-4000)}`));
        return;
      }
      resolve(JSON.parse(readFileSync(resultPath, "utf8")) as T);
    });
  });
}
