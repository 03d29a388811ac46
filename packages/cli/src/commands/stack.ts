// `closure-pack stack output [name]` and `stack ls`: read the state files
// beside the program (--dir, default the working directory); no network.
import { resolve } from "node:path";
import { listStacks, readState, type StackState } from "@closure-pack/aws/engine";
import type { StackCommand } from "../deploy-args.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import { unknownStack } from "./deploy.js";

export async function runStack(command: StackCommand, io: Io): Promise<number> {
  const dir = resolve(io.cwd, command.dir);
  if (command.action === "ls") return listAll(dir, command.json, io);
  const state = readStack(dir, command.stack);
  if (command.name === undefined) {
    if (command.json) io.out(`${JSON.stringify(state.outputs, null, 2)}\n`);
    else for (const [name, value] of Object.entries(state.outputs)) io.out(`${name}: ${JSON.stringify(value)}\n`);
    return 0;
  }
  if (!Object.hasOwn(state.outputs, command.name)) {
    const names = Object.keys(state.outputs);
    throw new CliError("OUTPUT_NOT_FOUND", `stack "${command.stack}"`, `has no output "${command.name}"`, {
      hint: names.length ? `its outputs: ${names.join(", ")}` : "the program exports none: export const name = resource.property",
    });
  }
  const value = state.outputs[command.name];
  // A plain string prints bare, for $(closure-pack stack output name).
  io.out(`${typeof value === "string" && !command.json ? value : JSON.stringify(value, null, command.json ? 2 : undefined)}\n`);
  return 0;
}

export function readStack(dir: string, stack: string): StackState {
  const state = readState(dir, stack);
  if (state === undefined) throw unknownStack(stack, listStacks(dir));
  return state;
}

function listAll(dir: string, json: boolean, io: Io): number {
  const rows = listStacks(dir).map((stack) => {
    const state = readState(dir, stack)!;
    return { stack, target: state.target, resources: state.resources.filter((r) => !r.read).length };
  });
  if (json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else if (rows.length === 0) io.out("no stacks here\n");
  else for (const row of rows) io.out(`${row.stack}  ${row.target}  ${row.resources} resource${row.resources === 1 ? "" : "s"}\n`);
  return 0;
}
