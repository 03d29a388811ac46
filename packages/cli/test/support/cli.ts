// Runs the real `closure-pack` command in a child process, from a fresh temp
// directory holding a copy of fixtures/cli (as project/), so tests never write
// into fixtures/ and messages show short relative paths (project/handler.ts).
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
export const BIN = join(REPO, "packages", "cli", "bin", "closure-pack.cjs");
export const FIXTURES = join(REPO, "fixtures", "cli");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** `node bin/closure-pack.cjs ...args` in `cwd`, colours off unless env says otherwise. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, NO_COLOR: "1", ...options.env };
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      if (typeof code !== "number") reject(error ?? new Error("no exit code"));
      else resolve({ code, stdout, stderr });
    });
  });
}

export interface Workspace {
  /** The temp directory, the working directory of every run. */
  dir: string;
  run(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  path(...parts: string[]): string;
  remove(): void;
}

/** A fresh temp directory with fixtures/cli copied to project/; `type` adds a package.json. */
export function createWorkspace(type?: "module" | "commonjs"): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-cli-"));
  cpSync(FIXTURES, join(dir, "project"), { recursive: true });
  if (type) writeFileSync(join(dir, "project", "package.json"), `${JSON.stringify({ name: "fixture-project", type })}\n`);
  return {
    dir,
    run: (args, env) => runCli(args, env ? { cwd: dir, env } : { cwd: dir }),
    path: (...parts) => join(dir, ...parts),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
