// The command lines of the deploy commands: up, preview, destroy, stack
// output|ls, logs. Parsed apart from the packaging commands (args.ts hands
// them over) because their flags are their own; errors are UsageErrors
// naming the flag.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export type TargetKind = "local" | "aws";

/** Where a stack deploys and, for the local cloud, which daemon. */
export interface TargetFlags {
  target: TargetKind | undefined;
  region: string | undefined;
  /** --profile: a named profile of the shared AWS config (--target aws). */
  profile: string | undefined;
  /** Undefined: the port of the daemon serving the data folder, else 4566. */
  port: number | undefined;
  data: string | undefined;
}

export interface DeployCommand extends TargetFlags {
  kind: "up" | "preview" | "destroy";
  program: string;
  stack: string;
  yes: boolean;
  json: boolean;
  diff: boolean;
}

export interface StackCommand extends TargetFlags {
  kind: "stack";
  action: "output" | "ls";
  name: string | undefined;
  stack: string;
  /** The folder holding .closure-pack/ (the program's). */
  dir: string;
  json: boolean;
}

export interface LogsCommand extends TargetFlags {
  kind: "logs";
  stack: string;
  dir: string;
  follow: boolean;
  /** Milliseconds back from now. */
  since: number;
  resource: string | undefined;
  json: boolean;
}

export const DEPLOY_COMMANDS = ["up", "preview", "destroy", "stack", "logs"] as const;

const OPTIONS = {
  stack: { type: "string", short: "s" },
  yes: { type: "boolean", short: "y" },
  json: { type: "boolean" },
  diff: { type: "boolean" },
  target: { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  port: { type: "string" },
  data: { type: "string" },
  dir: { type: "string" },
  follow: { type: "boolean", short: "f" },
  since: { type: "string" },
  resource: { type: "string" },
} as const;

type Name = keyof typeof OPTIONS;
const TARGET: Name[] = ["stack", "target", "region", "profile", "port", "data"];
const ALLOWED: Record<string, Name[]> = {
  up: [...TARGET, "yes", "json", "diff"],
  preview: [...TARGET, "json", "diff"],
  destroy: [...TARGET, "yes", "json"],
  stack: [...TARGET, "dir", "json"],
  logs: [...TARGET, "dir", "follow", "since", "resource", "json"],
};

export function parseDeployCommand(argv: readonly string[]): DeployCommand | StackCommand | LogsCommand {
  const [kind, ...rest] = argv as [string, ...string[]];
  const { values, positionals } = parse(rest);
  for (const name of Object.keys(values)) {
    if (!ALLOWED[kind]!.includes(name as Name)) throw new UsageError(`option "--${name}" does not apply to "${kind}"`);
  }
  const flags = targetFlags(values);
  const stack = nonEmpty(values.stack, "--stack") ?? "dev";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stack)) throw new UsageError(`option "--stack" must be letters, digits, '.', '_' or '-', got ${JSON.stringify(stack)}`);
  const json = values.json ?? false;
  if (kind === "stack") return stackCommand(positionals, { ...flags, stack, json, dir: nonEmpty(values.dir, "--dir") ?? "." });
  if (kind === "logs") {
    if (positionals.length > 0) throw new UsageError(`"logs" takes no arguments, got ${positionals.join(" ")}`);
    return { kind, ...flags, stack, json, dir: nonEmpty(values.dir, "--dir") ?? ".", follow: values.follow ?? false, since: durationOf(values.since ?? "1h"), resource: nonEmpty(values.resource, "--resource") };
  }
  if (positionals.length !== 1) throw new UsageError(`"${kind}" takes one <program>, got ${positionals.length === 0 ? "none" : positionals.length}`);
  return { kind: kind as DeployCommand["kind"], ...flags, program: positionals[0]!, stack, json, yes: values.yes ?? false, diff: values.diff ?? false };
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? "";
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option "${flag}"`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(/argument missing/.test(message) ? `option "${flag}" needs a value` : `option "${flag}" takes no value`);
    throw new UsageError(message);
  }
}

function stackCommand(positionals: string[], common: Omit<StackCommand, "kind" | "action" | "name">): StackCommand {
  const [action, name, ...extra] = positionals;
  if (action === "ls" && name === undefined) return { kind: "stack", action, name: undefined, ...common };
  if (action === "output" && extra.length === 0) return { kind: "stack", action, name, ...common };
  throw new UsageError(`"stack" takes "output [name]" or "ls", got ${JSON.stringify(positionals.join(" "))}`);
}

export function targetFlags(values: Partial<Record<Name, string | boolean>>): TargetFlags {
  const target = values.target as string | undefined;
  if (target !== undefined && target !== "local" && target !== "aws") throw new UsageError(`option "--target" must be "local" or "aws", got ${JSON.stringify(target)}`);
  const portText = values.port as string | undefined;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UsageError(`option "--port" must be a port number from 1 to 65535, got ${JSON.stringify(portText)}`);
  const profile = nonEmpty(values.profile as string | undefined, "--profile");
  return { target, region: nonEmpty(values.region as string | undefined, "--region"), profile, port, data: nonEmpty(values.data as string | undefined, "--data") };
}

/** "90s", "15m", "1h", "2d" in milliseconds. */
function durationOf(text: string): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(text);
  if (!match) throw new UsageError(`option "--since" must be a duration such as 30s, 15m, 1h or 2d, got ${JSON.stringify(text)}`);
  return Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "s"];
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === "") throw new UsageError(`option "${flag}" must not be empty`);
  return value;
}
