// `closure-pack logs [-f]`: the log lines of every function of the stack,
// merged by time as `<ISO time>[<name>] <message>`; -f polls every 50 ms
// until interrupted.
import { resolve } from "node:path";
import { createProviderContext, readLogLines } from "@closure-pack/aws/engine";
import type { LogsCommand } from "../deploy-args.js";
import { resolveTarget } from "../deploy-target.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import { readStack } from "./stack.js";

const POLL_MS = 50;

export async function runLogs(command: LogsCommand, io: Io, stopped: Promise<void> = interrupted()): Promise<number> {
  const dir = resolve(io.cwd, command.dir);
  const state = readStack(dir, command.stack);
  const sources = state.resources
    .filter((r) => r.type === "aws:lambda:Function" && !r.retired && (command.resource === undefined || r.name === command.resource))
    .map((r) => ({ name: r.name, functionName: r.id }));
  if (command.resource !== undefined && sources.length === 0) {
    throw new CliError("RESOURCE_NOT_IN_STACK", `stack "${command.stack}"`, `has no function named "${command.resource}"`, {
      hint: "--resource takes a function's name as the program gives it",
    });
  }
  const target = await resolveTarget(command, io.env, dir, false, io.err, state.target);
  const context = createProviderContext(target, { stack: command.stack, project: "" });
  let stop = false;
  void stopped.then(() => (stop = true));
  try {
    let since = Date.now() - command.since;
    const seen = new Set<string>();
    do {
      for (const line of await readLogLines(context, sources, since)) {
        if (seen.has(line.id)) continue;
        seen.add(line.id);
        since = Math.max(since, line.time);
        const time = new Date(line.time).toISOString();
        io.out(command.json ? `${JSON.stringify({ time, function: line.name, message: line.message })}\n` : `${time}[${line.name}] ${line.message}\n`);
      }
      if (command.follow && !stop) await Promise.race([new Promise((done) => setTimeout(done, POLL_MS)), stopped]);
    } while (command.follow && !stop);
    return 0;
  } finally {
    context.destroy();
  }
}

function interrupted(): Promise<void> {
  return new Promise((done) => process.once("SIGINT", () => done()));
}
