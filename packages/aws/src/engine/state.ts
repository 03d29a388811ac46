// The stack's state file, .closure-pack/stacks/<stack>.json beside the
// program: what was deployed (identifiers, inputs, outputs, dependencies),
// the operations in flight, and the stack outputs. No credentials, secrets or
// timestamps. Written atomically (temp file, fsync, rename); a corrupt or
// newer-version file is refused and never overwritten.
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { AwsError } from "../errors.js";

export const STATE_VERSION = 1;

export interface ResourceState {
  type: string;
  name: string;
  /** The physical id: a bucket's or function's name, `role:policy`, `function:statement`… */
  id: string;
  generation: number;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** Keys (`type::name`) of the resources it depends on. */
  dependencies: string[];
  /** Looked up with get(): never changed or deleted. */
  read?: boolean;
  /** Replaced: deleted once its replacement and the dependents moved over. */
  retired?: boolean;
  /** Adopted after a crash: its inputs may be half-applied, so the next plan updates it. */
  dirty?: boolean;
}

export interface PendingOperation {
  op: "create" | "update" | "delete";
  type: string;
  name: string;
  id: string;
  generation: number;
  inputs: Record<string, unknown>;
  dependencies: string[];
}

export interface StackState {
  version: number;
  stack: string;
  /** "local" or "aws:<region>": a stack stays on its target. */
  target: string;
  resources: ResourceState[];
  pending: PendingOperation[];
  outputs: Record<string, unknown>;
}

export function stacksDir(projectDir: string): string {
  return join(projectDir, ".closure-pack", "stacks");
}

export function statePath(projectDir: string, stack: string): string {
  return join(stacksDir(projectDir), `${stack}.json`);
}

export function emptyState(stack: string, target: string): StackState {
  return { version: STATE_VERSION, stack, target, resources: [], pending: [], outputs: {} };
}

/** The stack's state, or undefined when it has none yet. */
export function readState(projectDir: string, stack: string): StackState | undefined {
  const path = statePath(projectDir, stack);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return parseState(text, shown(path));
}

export function parseState(text: string, where: string): StackState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(where, "is not valid JSON", error);
  }
  const state = value as Partial<StackState> | null;
  if (typeof state !== "object" || state === null || typeof state.version !== "number") throw corrupt(where, "has no version");
  if (state.version > STATE_VERSION) {
    throw new AwsError("STATE_TOO_NEW", where, `state version ${state.version} is newer than this closure-pack understands (${STATE_VERSION})`, {
      hint: "upgrade closure-pack; the file is left as it is",
    });
  }
  if (
    typeof state.stack !== "string" ||
    typeof state.target !== "string" ||
    !Array.isArray(state.resources) ||
    !Array.isArray(state.pending) ||
    typeof state.outputs !== "object"
  ) {
    throw corrupt(where, "is missing stack, target, resources, pending or outputs");
  }
  for (const resource of state.resources) {
    if (typeof resource?.type !== "string" || typeof resource.name !== "string" || typeof resource.id !== "string")
      throw corrupt(where, "has a resource without type, name or id");
  }
  return state as StackState;
}

function corrupt(where: string, problem: string, cause?: unknown): AwsError {
  return new AwsError("STATE_CORRUPT", where, `the state file ${problem}`, {
    hint: "restore it from version control or a backup; closure-pack never overwrites a state file it cannot read",
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Writes the state atomically: temp file, fsync, rename, fsync of the folder. */
export function writeState(projectDir: string, state: StackState): void {
  const path = statePath(projectDir, state.stack);
  mkdirSync(dirname(path), { recursive: true });
  ignoreLocalFiles(projectDir);
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const sorted = { ...state, resources: [...state.resources].sort(compareResources) };
  const fd = openSync(temp, "wx");
  try {
    writeSync(fd, `${JSON.stringify(sorted, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  syncFolder(dirname(path));
}

// The state is meant to be committed (another clone then plans nothing);
// the code cache, the local cloud's data, locks and temp files are not.
const GITIGNORE = "# written by closure-pack: stacks/*.json is the deployed state, keep it\ncache/\ncloud/\nstacks/*.lock\nstacks/*.tmp\n";

function ignoreLocalFiles(projectDir: string): void {
  const path = join(projectDir, ".closure-pack", ".gitignore");
  try {
    writeFileSync(path, GITIGNORE, { flag: "wx" });
  } catch {
    // Already there (perhaps edited by the user): left as it is.
  }
}

function compareResources(a: ResourceState, b: ResourceState): number {
  return a.type.localeCompare(b.type, "en") || a.name.localeCompare(b.name, "en") || a.generation - b.generation;
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  }
}

/** Stack names that have a state file. */
export function listStacks(projectDir: string): string[] {
  try {
    return readdirSync(stacksDir(projectDir))
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

export function removeState(projectDir: string, stack: string): void {
  rmSync(statePath(projectDir, stack), { force: true });
}

function shown(path: string): string {
  return relative(process.cwd(), path).split(sep).join("/") || path;
}
