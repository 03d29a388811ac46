// The local-run commands' tables and parsers: `invoke <zip|dir>` (events,
// repeats, the function's settings) and `event <kind>` (a sample event; which
// flag fits which kind is the runtime's table, checked when the command runs).
import { parseFlags, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { nonEmpty, nonEmptyList, numberOf, one } from "./flag-values.js";

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

// A local loop, not a load test: past this, use the local cloud or a bench.
const MAX_REPEAT = 10_000;

export const INVOKE_HELP = {
  name: "invoke",
  args: "<zip|dir> [options]",
  summary: "run a handler locally as Lambda does",
  description:
    "run a zip or a folder's handler locally as Lambda does: the response as JSON on stdout, logs on stderr; exit 0 on success, 1 when the function failed",
  flags: {
    event: {
      type: "string",
      multiple: true,
      value: "<file|->",
      help: "the event as JSON, a file or - for stdin; each one is an invocation, in order, on one warm instance",
      defaultText: "{}",
    },
    repeat: { type: "string", value: "<n>", help: "run the events n times", defaultText: "1" },
    handler: { type: "string", value: "<file.fn>", help: "the handler", defaultText: "index.handler" },
    timeout: { type: "string", value: "<s>", help: "seconds before the invocation is killed", defaultText: "3" },
    memory: { type: "string", value: "<MB>", help: "memory size, 128 to 10240", defaultText: "128" },
    env: { type: "string", multiple: true, value: "KEY=VALUE", help: "an environment variable of the function" },
    name: { type: "string", value: "<name>", help: "the function's name", defaultText: "the zip's or folder's" },
    json: { type: "boolean", help: "print the responses as one JSON array" },
  },
  examples: ["closure-pack invoke out/handler.zip --event event.json", "closure-pack event sqs --count 3 | closure-pack invoke out/handler.zip --event -"],
} as const satisfies CommandHelp;

const source = (help: string) => ({ type: "string", value: "<name>", help }) as const;

export const EVENT_HELP = {
  name: "event",
  args: "<kind> [options]",
  summary: "print a sample event (s3-put, sqs, apigw-v2...)",
  description:
    "print a sample event of a kind: s3-put, s3-delete, sqs, sns, dynamodb, kinesis, schedule, eventbridge, logs, apigw-v1 or apigw-v2; each kind reads the flags that fit it",
  flags: {
    bucket: source("s3-*: the bucket"),
    key: { type: "string", value: "<key>", help: "s3-*: the object key" },
    body: { type: "string", value: "<text>", help: "the payload: object content, message, item or detail JSON, log lines, request body" },
    path: { type: "string", value: "<path>", help: "apigw-*: the request path, with ?query" },
    method: { type: "string", value: "<method>", help: "apigw-*: the request method" },
    queue: source("sqs: the queue"),
    topic: source("sns: the topic"),
    table: source("dynamodb: the table"),
    stream: source("kinesis: the stream"),
    "log-group": source("logs: the log group"),
    source: { type: "string", value: "<source>", help: "eventbridge: the event's source" },
    "detail-type": { type: "string", value: "<type>", help: "eventbridge: the event's detail-type" },
    count: { type: "string", value: "<n>", help: "sqs, dynamodb, kinesis: records in the batch", defaultText: "1" },
    region: { type: "string", value: "<name>", help: "the region", defaultText: "us-east-1" },
    time: { type: "string", value: "<iso|now>", help: "the event's time", defaultText: "2024-01-01T00:00:00.000Z" },
  },
  examples: ["closure-pack event s3-put --bucket docs --key a.txt > event.json", "closure-pack event sqs --count 10 --body hello"],
} as const satisfies CommandHelp;

export const INVOKE: CommandEntry<InvokeCommand> = { name: "invoke", summary: INVOKE_HELP.summary, help: INVOKE_HELP, parse: parseInvokeCommand };
export const EVENT: CommandEntry<EventCommand> = { name: "event", summary: EVENT_HELP.summary, help: EVENT_HELP, parse: parseEventCommand };

function parseInvokeCommand(argv: readonly string[]): InvokeCommand {
  const { values, positionals } = parseFlags(INVOKE_HELP, argv);
  return {
    kind: "invoke",
    code: one(positionals, "invoke", "<zip|dir>"),
    events: nonEmptyList(values.event ?? [], "--event"),
    repeat: numberOf(values.repeat, "--repeat", 1, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT, `a whole number from 1 to ${MAX_REPEAT}`),
    handler: nonEmpty(values.handler, "--handler") ?? "index.handler",
    timeout: numberOf(values.timeout, "--timeout", 3, (n) => n > 0 && n <= 900, "a number of seconds above 0 and at most 900"),
    memory: numberOf(values.memory, "--memory", 128, (n) => Number.isInteger(n) && n >= 128 && n <= 10240, "a whole number of MB from 128 to 10240"),
    env: envOf(values.env ?? []),
    name: nonEmpty(values.name, "--name"),
    json: values.json ?? false,
  };
}

function parseEventCommand(argv: readonly string[]): EventCommand {
  const { values, positionals } = parseFlags(EVENT_HELP, argv);
  const eventKind = one(positionals, "event", "<kind>");
  const options: Record<string, string> = {};
  for (const [flag, value] of Object.entries(values)) if (typeof value === "string") options[flag] = value;
  return { kind: "event", eventKind, options };
}

function envOf(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`option "--env" must be KEY=VALUE, got ${JSON.stringify(pair)}`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}
