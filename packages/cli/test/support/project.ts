// A user's own project outside the repository (a fresh folder under
// os.tmpdir()) and the commands a user runs there: npm, npx closure-pack.
// Children get the environment without npm's npm_* variables: under
// `npm test` they name the repository as npm's prefix, and an `npm install`
// run with them would write into the repository instead of the project.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliRun } from "./cli.js";

export interface UserProject {
  dir: string;
  /** `npm <args>` in the project, killed after `timeoutMs`. */
  npm(args: readonly string[], timeoutMs: number): Promise<CliRun>;
  /** `npx --no -- closure-pack <args>`: the installed command, never one fetched from the registry (without `--`, `--no` makes npx read `--version` as its own). */
  closurePack(args: readonly string[]): Promise<CliRun>;
  write(name: string, text: string): void;
  remove(): void;
}

export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1" };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$|FORCE_COLOR$)/i.test(key)) env[key] = value;
  }
  return env;
}

export function runCommand(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const options = { cwd, env: cleanEnv(), encoding: "utf8" as const, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 };
    execFile(command, [...args], options, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      if (typeof code !== "number") reject(new Error(`${command} ${args.join(" ")}: ${String(error)}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** An empty npm project (`package.json` only) in a fresh folder outside the repository. */
export function createUserProject(): UserProject {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-user-"));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "my-service", private: true }, null, 2)}\n`);
  return {
    dir,
    npm: (args, timeoutMs) => runCommand("npm", args, dir, timeoutMs),
    closurePack: (args) => runCommand("npx", ["--no", "--", "closure-pack", ...args], dir, 120_000),
    write: (name, text) => writeFileSync(join(dir, name), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A small TypeScript handler with a capture, and an event for it. */
export const USER_HANDLER = [
  `const greeting: string = "hello";`,
  `export const handler = async (event: { name: string }) => ({ message: \`\${greeting} \${event.name}\` });`,
  ``,
].join("\n");
export const USER_EVENT = `${JSON.stringify({ name: "world" })}\n`;
