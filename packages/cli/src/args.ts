// Turns argv into one Command, or throws UsageError naming the flag and what
// it must be. Parsing is node:util parseArgs; which flags each command takes
// and the allowed values are checked here, nothing is read from disk.
import { parseArgs } from "node:util";
import { parseCloudCommand, type CloudCommand } from "./cloud-args.js";
import { UsageError } from "./errors.js";
import { DEFAULT_LOAD_TIMEOUT } from "./load-deadline.js";
import { DEPLOY_COMMANDS, parseDeployCommand, type DeployCommand, type LogsCommand, type StackCommand } from "./deploy-args.js";
import { s3Command, type S3Command } from "./s3-args.js";
import { parseSqsCommand, type SqsCommand } from "./sqs-args.js";
import { parseDynamoDbCommand, type DynamoDbCommand } from "./dynamodb-args.js";
import { parseSnsCommand, type SnsCommand } from "./sns-args.js";
import { parseKinesisCommand, type KinesisCommand } from "./kinesis-args.js";
import { parseEventsCommand, type EventsCommand } from "./events-args.js";
import { parseLogsPutCommand, type LogsPutCommand } from "./logs-put-args.js";

export type ModuleFormat = "cjs" | "esm";
export type Runtime = "nodejs20.x" | "nodejs22.x";

export interface PackCommand {
  kind: "pack";
  entry: string;
  output: string;
  mode: "eval" | "bundle";
  exportName: string;
  format: ModuleFormat;
  runtime: Runtime;
  external: string[];
  bundleAwsSdk: boolean;
  minify: boolean;
  sourcemap: boolean;
  manifest: string | undefined;
  analyze: boolean;
  json: boolean;
  quiet: boolean;
  /** Seconds the entry may take to load (eval mode). */
  loadTimeout: number;
}

export interface InvokeCommand {
  kind: "invoke";
  /** A zip or an unpacked folder. */
  code: string;
  /** JSON files ("-" for stdin), one invocation each, in order; none: one {} event. */
  events: string[];
  /** How many times the events run, all on one warm instance. */
  repeat: number;
  handler: string;
  timeout: number;
  memory: number;
  env: Record<string, string>;
  name: string | undefined;
  /** The responses as one JSON array. */
  json: boolean;
}

export interface EventCommand {
  kind: "event";
  eventKind: string;
  /** The flags given, by flag name without "--" (bucket, detail-type, ...). */
  options: Record<string, string>;
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | PackCommand
  | { kind: "print"; entry: string; exportName: string; format: ModuleFormat; loadTimeout: number }
  | { kind: "hash"; zip: string; json: boolean }
  | { kind: "diff"; a: string; b: string; json: boolean; quiet: boolean }
  | InvokeCommand
  | EventCommand
  | DeployCommand
  | StackCommand
  | LogsCommand
  | S3Command
  | SqsCommand
  | DynamoDbCommand
  | SnsCommand
  | KinesisCommand
  | EventsCommand
  | LogsPutCommand
  | CloudCommand;

/** The flags of `event`; which apply to which kind is checked by the command (the kinds live in @closure-pack/runtime). */
export const EVENT_FLAGS = ["bucket", "key", "body", "path", "method", "queue", "topic", "table", "stream", "source", "detail-type", "log-group", "region", "time", "count"] as const;
type EventFlag = (typeof EVENT_FLAGS)[number];

const OPTIONS = {
  output: { type: "string", short: "o" },
  mode: { type: "string" },
  export: { type: "string" },
  format: { type: "string" },
  runtime: { type: "string" },
  external: { type: "string", multiple: true },
  "bundle-aws-sdk": { type: "boolean" },
  "no-minify": { type: "boolean" },
  sourcemap: { type: "boolean" },
  manifest: { type: "string" },
  analyze: { type: "boolean" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  event: { type: "string", multiple: true },
  repeat: { type: "string" },
  handler: { type: "string" },
  timeout: { type: "string" },
  memory: { type: "string" },
  env: { type: "string", multiple: true },
  name: { type: "string" },
  "endpoint-url": { type: "string" },
  "load-timeout": { type: "string" },
  ...(Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, { type: "string" }])) as Record<EventFlag, { type: "string" }>),
} as const;

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof parse>["values"];

const PACK_OPTIONS: readonly OptionName[] = [
  "output", "mode", "export", "format", "runtime", "external", "bundle-aws-sdk", "no-minify", "sourcemap", "manifest", "analyze", "json", "quiet", "help", "version", "load-timeout",
];

const ALLOWED: Record<"pack" | "print" | "hash" | "diff" | "invoke" | "event" | "s3", readonly OptionName[]> = {
  pack: PACK_OPTIONS,
  print: ["export", "format", "load-timeout"],
  hash: ["json"],
  diff: ["json", "quiet"],
  invoke: ["event", "repeat", "handler", "timeout", "memory", "env", "name", "json"],
  event: EVENT_FLAGS,
  s3: ["endpoint-url"],
};

/** Parses the arguments after `closure-pack`. */
export function parseCommand(argv: readonly string[]): Command {
  // `logs put` is a data command; `logs` alone takes no arguments (deploy-args.ts).
  if (argv[0] === "logs" && argv[1] === "put") return parseLogsPutCommand(argv.slice(2));
  // The deploy commands have flags of their own (deploy-args.ts).
  if ((DEPLOY_COMMANDS as readonly string[]).includes(argv[0] ?? "") && !argv.slice(1).some((a) => a === "-h" || a === "--help")) return parseDeployCommand(argv);
  // `cloud` has flags of its own (cloud-args.ts).
  if (argv[0] === "cloud") return parseCloudCommand(argv.slice(1));
  // `sqs` too (sqs-args.ts).
  if (argv[0] === "sqs") return parseSqsCommand(argv.slice(1));
  if (argv[0] === "dynamodb") return parseDynamoDbCommand(argv.slice(1));
  if (argv[0] === "sns") return parseSnsCommand(argv.slice(1));
  if (argv[0] === "kinesis") return parseKinesisCommand(argv.slice(1));
  if (argv[0] === "events") return parseEventsCommand(argv.slice(1));
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError("missing the entry file");
  switch (first) {
    case "print":
      checkAllowed("print", values);
      return { kind: "print", entry: one(rest, "print", "<entry>"), exportName: exportOf(values), format: formatOf(values), loadTimeout: loadTimeoutOf(values) };
    case "hash":
      checkAllowed("hash", values);
      return { kind: "hash", zip: one(rest, "hash", "<zip>"), json: values.json ?? false };
    case "diff":
      checkAllowed("diff", values);
      return diffCommand(rest, values);
    case "invoke":
      checkAllowed("invoke", values);
      return invokeCommand(rest, values);
    case "event":
      checkAllowed("event", values);
      return eventCommand(rest, values);
    case "s3":
      checkAllowed("s3", values);
      return s3Command(rest, values["endpoint-url"]);
    default:
      return packCommand(positionals, values);
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

// parseArgs' own messages suggest `--` and quote with ''; ours name the flag
// the way every other usage error does.
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option "${flag}"`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /argument missing/.test(message) ? `option "${flag}" needs a value` : `option "${flag}" takes no value`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return message;
  throw error;
}

function packCommand(positionals: string[], values: Values): PackCommand {
  const entry = one(positionals, "", "<entry>");
  checkAllowed("pack", values);
  if (values.output === undefined) throw new UsageError(`option "--output" (-o) is required: the zip to write`);
  return {
    kind: "pack",
    entry,
    output: values.output,
    mode: choice(values.mode, "--mode", ["eval", "bundle"], "eval"),
    exportName: exportOf(values),
    format: formatOf(values),
    runtime: choice(values.runtime, "--runtime", ["nodejs20.x", "nodejs22.x"], "nodejs22.x"),
    external: nonEmpty(values.external ?? [], "--external"),
    bundleAwsSdk: values["bundle-aws-sdk"] ?? false,
    minify: !(values["no-minify"] ?? false),
    sourcemap: values.sourcemap ?? false,
    manifest: values.manifest === undefined ? undefined : nonEmpty([values.manifest], "--manifest")[0],
    analyze: values.analyze ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    loadTimeout: loadTimeoutOf(values),
  };
}

function loadTimeoutOf(values: Values): number {
  return numberOf(values["load-timeout"], "--load-timeout", DEFAULT_LOAD_TIMEOUT, (n) => n > 0, "a number of seconds above 0");
}

function diffCommand(rest: string[], values: Values): Command {
  if (rest.length !== 2) throw new UsageError(`"diff" takes two zips: diff <a.zip> <b.zip>, got ${rest.length}`);
  return { kind: "diff", a: rest[0]!, b: rest[1]!, json: values.json ?? false, quiet: values.quiet ?? false };
}

// A local loop, not a load test: past this, use the local cloud or a bench.
const MAX_REPEAT = 10_000;

function invokeCommand(rest: string[], values: Values): InvokeCommand {
  return {
    kind: "invoke",
    code: one(rest, "invoke", "<zip|dir>"),
    events: nonEmpty(values.event ?? [], "--event"),
    repeat: numberOf(values.repeat, "--repeat", 1, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT, `a whole number from 1 to ${MAX_REPEAT}`),
    handler: values.handler === undefined ? "index.handler" : nonEmpty([values.handler], "--handler")[0]!,
    timeout: numberOf(values.timeout, "--timeout", 3, (n) => n > 0 && n <= 900, "a number of seconds above 0 and at most 900"),
    memory: numberOf(values.memory, "--memory", 128, (n) => Number.isInteger(n) && n >= 128 && n <= 10240, "a whole number of MB from 128 to 10240"),
    env: envOf(values.env ?? []),
    name: values.name === undefined ? undefined : nonEmpty([values.name], "--name")[0],
    json: values.json ?? false,
  };
}

function eventCommand(rest: string[], values: Values): EventCommand {
  const eventKind = one(rest, "event", "<kind>");
  const options: Record<string, string> = {};
  for (const flag of EVENT_FLAGS) {
    const value = values[flag];
    if (value !== undefined) options[flag] = value;
  }
  return { kind: "event", eventKind, options };
}

function numberOf(value: string | undefined, flag: string, fallback: number, isValid: (n: number) => boolean, what: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === "" || !isValid(number)) throw new UsageError(`option "${flag}" must be ${what}, got ${JSON.stringify(value)}`);
  return number;
}

function envOf(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`option "--env" must be KEY=VALUE, got ${JSON.stringify(pair)}`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

function one(list: string[], command: string, name: string): string {
  const what = command === "" ? name : `"${command}" takes one ${name}`;
  if (list.length === 0) throw new UsageError(command === "" ? `missing ${name}` : `${what}, got none`);
  if (list.length > 1) {
    throw new UsageError(command === "" ? `expected one ${name}, got ${list.length}: ${list.join(" ")}` : `${what}, got ${list.length}`);
  }
  if (list[0] === "") throw new UsageError(`${name} must not be empty`);
  return list[0]!;
}

function checkAllowed(command: keyof typeof ALLOWED, values: Values): void {
  for (const name of Object.keys(values) as OptionName[]) {
    if (!ALLOWED[command].includes(name)) throw new UsageError(`option "--${name}" does not apply to "${command}"`);
  }
}

function exportOf(values: Values): string {
  return values.export === undefined ? "handler" : nonEmpty([values.export], "--export")[0]!;
}

function formatOf(values: Values): ModuleFormat {
  return choice(values.format, "--format", ["cjs", "esm"], "cjs");
}

function choice<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((each) => `"${each}"`).join(" or ");
  throw new UsageError(`option "${flag}" must be ${list}, got ${JSON.stringify(value)}`);
}

function nonEmpty(list: string[], flag: string): string[] {
  if (list.some((each) => each === "")) throw new UsageError(`option "${flag}" must not be empty`);
  return list;
}
