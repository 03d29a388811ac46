// A project folder for the deploy commands: a copy of fixtures/aws/<name>
// in a fresh temp dir, with @closure-pack/aws linked into its node_modules
// the way an installed package would be; the CLI runs there against moto
// (--target aws, AWS_ENDPOINT_URL) or the local cloud.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, REPO, runCli, type CliRun } from "./cli.js";

export interface Project {
  dir: string;
  run(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Starts a command and resolves once its stderr says `text`. */
  startUntil(args: readonly string[], text: string, env?: NodeJS.ProcessEnv): Promise<ChildProcess>;
  read(file: string): string;
  write(file: string, text: string): void;
  remove(): void;
}

export function createProject(fixture: string, baseEnv: NodeJS.ProcessEnv): Project {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-deploy-"));
  cpSync(join(REPO, "fixtures", "aws", fixture), dir, { recursive: true });
  mkdirSync(join(dir, "node_modules", "@closure-pack"), { recursive: true });
  symlinkSync(join(REPO, "packages", "aws"), join(dir, "node_modules", "@closure-pack", "aws"), "dir");
  const envOf = (env?: NodeJS.ProcessEnv) => ({ ...baseEnv, ...env });
  return {
    dir,
    run: (args, env) => runCli(args, { cwd: dir, env: envOf(env) }),
    startUntil: (args, text, env) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], {
          cwd: dir,
          env: { PATH: process.env.PATH, NO_COLOR: "1", ...envOf(env) },
          stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
          stderr += chunk;
          if (stderr.includes(text)) resolve(child);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code} before "${text}":\n${stderr}`)));
      }),
    read: (file) => readFileSync(join(dir, file), "utf8"),
    write: (file, text) => writeFileSync(join(dir, file), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** kill -9, then waits for the exit. */
export async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGKILL");
  await exited;
}
