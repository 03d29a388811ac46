// The deploy commands' tables and parsers: up, preview, destroy, stack
// output|ls, logs. They share the target flags (--stack, --target, --port...);
// errors are UsageErrors naming the flag.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { nonEmpty } from "./flag-values.js";

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

const STACK = { type: "string", short: "s", value: "<name>", help: "the stack; its state is in .closure-pack/stacks/", defaultText: "dev" } as const;
/** The flags that say where a stack is and which daemon or account serves it; the data commands take them too. */
export const TARGET = {
  stack: STACK,
  target: {
    type: "string",
    value: "local|aws",
    help: "the local cloud, or AWS (credentials and region from the AWS SDK's chain, AWS_ENDPOINT_URL)",
    defaultText: "the stack's, else local",
  },
  region: { type: "string", value: "<name>", help: "AWS region (--target aws)" },
  profile: { type: "string", value: "<name>", help: "a profile of the shared AWS config files (--target aws)" },
  port: { type: "string", value: "<n>", help: "the local cloud's port", defaultText: "the running daemon's, else 4566" },
  data: { type: "string", value: "<dir>", help: "the local cloud's data", defaultText: ".closure-pack/cloud/" },
} as const;
const YES = { type: "boolean", short: "y", help: "apply without asking (required without a terminal)" } as const;
const DIFF = { type: "boolean", help: "show the changed inputs of updates and replacements" } as const;
const DIR = { type: "string", value: "<dir>", help: "the program's folder", defaultText: "." } as const;
const json = (help: string) => ({ type: "boolean", help }) as const;

export const UP_HELP = {
  name: "up",
  args: "<program> [options]",
  summary: "deploy the program's resources and functions",
  description:
    "deploy the program's resources and magic functions: plan, ask on a terminal, apply in dependency order; the local cloud is started when it is not running",
  flags: { ...TARGET, yes: YES, diff: DIFF, json: json("print the plan and the outcome as JSON") },
  examples: ["closure-pack up index.ts --yes", "closure-pack up index.ts --stack prod --target aws --region eu-west-3"],
} as const satisfies CommandHelp;

export const PREVIEW_HELP = {
  name: "preview",
  args: "<program> [options]",
  summary: "show the plan of an up without applying it",
  flags: { ...TARGET, diff: DIFF, json: json("print the plan as JSON") },
  examples: ["closure-pack preview index.ts --diff"],
} as const satisfies CommandHelp;

export const DESTROY_HELP = {
  name: "destroy",
  args: "<program> [options]",
  summary: "delete every resource of the stack",
  flags: { ...TARGET, yes: YES, json: json("print the plan and the outcome as JSON") },
  examples: ["closure-pack destroy index.ts --yes"],
} as const satisfies CommandHelp;

const STACK_FLAGS = { ...TARGET, dir: DIR, json: json("print as JSON") } as const;

export const STACK_OUTPUT_HELP = {
  name: "stack output",
  args: "[name] [options]",
  summary: "print the stack's outputs",
  description: "print the stack's outputs (the program's exports), or one of them bare",
  flags: STACK_FLAGS,
  examples: ["closure-pack stack output", "aws s3 ls s3://$(closure-pack stack output docsBucketName)"],
} as const satisfies CommandHelp;

export const STACK_LS_HELP = {
  name: "stack ls",
  args: "[options]",
  summary: "list the stacks beside the program",
  description: "list the stacks beside the program, with their targets and resource counts",
  flags: STACK_FLAGS,
  examples: ["closure-pack stack ls --dir app"],
} as const satisfies CommandHelp;

export const LOGS_HELP = {
  name: "logs",
  args: "[options]",
  summary: "print the stack's function logs, merged by time",
  description:
    "print the logs of every function of the stack, merged in time order: <ISO time>[<function>] <message>; closure-pack logs put writes to a log group",
  flags: {
    ...TARGET,
    dir: DIR,
    follow: { type: "boolean", short: "f", help: "keep printing new lines" },
    since: { type: "string", value: "<duration>", help: "from how long ago, e.g. 30s, 15m, 2d", defaultText: "1h" },
    resource: { type: "string", value: "<name>", help: "one function only" },
    json: json("one JSON record per line"),
  },
  examples: ["closure-pack logs -f", "closure-pack logs --since 15m --resource docsHandler"],
} as const satisfies CommandHelp;

export const UP: CommandEntry<DeployCommand> = { name: "up", summary: UP_HELP.summary, help: UP_HELP, parse: (argv) => parseDeployCommand(UP_HELP, argv) };
export const PREVIEW: CommandEntry<DeployCommand> = {
  name: "preview",
  summary: PREVIEW_HELP.summary,
  help: PREVIEW_HELP,
  parse: (argv) => parseDeployCommand(PREVIEW_HELP, argv),
};
export const DESTROY: CommandEntry<DeployCommand> = {
  name: "destroy",
  summary: DESTROY_HELP.summary,
  help: DESTROY_HELP,
  parse: (argv) => parseDeployCommand(DESTROY_HELP, argv),
};
export const STACK_COMMAND: CommandEntry<StackCommand> = {
  name: "stack",
  summary: "the stack's outputs, and the stacks beside the program",
  subcommands: [STACK_OUTPUT_HELP, STACK_LS_HELP],
  parse: parseStackCommand,
};
export const LOGS: CommandEntry<LogsCommand> = { name: "logs", summary: LOGS_HELP.summary, help: LOGS_HELP, parse: parseLogsCommand };

function parseDeployCommand(help: typeof UP_HELP | typeof PREVIEW_HELP | typeof DESTROY_HELP, argv: readonly string[]): DeployCommand {
  const kind = help.name;
  // The three tables differ only in --yes and --diff: read them as the widest.
  const { values, positionals } = parseFlags(help as typeof UP_HELP, argv);
  if (positionals.length !== 1) throw new UsageError(`"${kind}" takes one <program>, got ${positionals.length === 0 ? "none" : positionals.length}`);
  return { kind, ...targetFlags(values), program: positionals[0]!, json: values.json ?? false, yes: values.yes ?? false, diff: values.diff ?? false };
}

function parseStackCommand(argv: readonly string[]): StackCommand {
  const [action, ...rest] = argv;
  if (action !== "output" && action !== "ls") throw unknownSubcommand("stack", ["output", "ls"], action);
  const { values, positionals } = parseFlags(action === "ls" ? STACK_LS_HELP : STACK_OUTPUT_HELP, rest);
  const common = { ...targetFlags(values), dir: nonEmpty(values.dir, "--dir") ?? ".", json: values.json ?? false };
  if (action === "ls" && positionals.length > 0) throw new UsageError(`"stack ls" takes no arguments, got ${positionals.join(" ")}`);
  if (positionals.length > 1) throw new UsageError(`"stack output" takes at most one output name, got ${positionals.join(" ")}`);
  return { kind: "stack", action, name: positionals[0], ...common };
}

function parseLogsCommand(argv: readonly string[]): LogsCommand {
  const { values, positionals } = parseFlags(LOGS_HELP, argv);
  if (positionals.length > 0) throw new UsageError(`"logs" takes no arguments, got ${positionals.join(" ")}`);
  return {
    kind: "logs",
    ...targetFlags(values),
    json: values.json ?? false,
    dir: nonEmpty(values.dir, "--dir") ?? ".",
    follow: values.follow ?? false,
    since: durationOf(values.since ?? "1h"),
    resource: nonEmpty(values.resource, "--resource"),
  };
}

type TargetValues = { [name in keyof typeof TARGET]?: string | undefined };

/** The target flags and --stack, checked. */
export function targetFlags(values: TargetValues): TargetFlags & { stack: string } {
  const { target, port: portText } = values;
  if (target !== undefined && target !== "local" && target !== "aws")
    throw new UsageError(`option "--target" must be "local" or "aws", got ${JSON.stringify(target)}`);
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw new UsageError(`option "--port" must be a port number from 1 to 65535, got ${JSON.stringify(portText)}`);
  const stack = nonEmpty(values.stack, "--stack") ?? "dev";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stack))
    throw new UsageError(`option "--stack" must be letters, digits, '.', '_' or '-', got ${JSON.stringify(stack)}`);
  return {
    target,
    region: nonEmpty(values.region, "--region"),
    profile: nonEmpty(values.profile, "--profile"),
    port,
    data: nonEmpty(values.data, "--data"),
    stack,
  };
}

/** "90s", "15m", "1h", "2d" in milliseconds. */
function durationOf(text: string): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(text);
  if (!match) throw new UsageError(`option "--since" must be a duration such as 30s, 15m, 1h or 2d, got ${JSON.stringify(text)}`);
  return Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "s"];
}
