// The arguments of `closure-pack sqs send <queue> <body|->`: the queue (a
// name or a URL), the body (or - for stdin), --group and --dedup-id for FIFO
// queues, --delay, --attribute Name=Value (repeatable), --endpoint-url and
// --json. Parsed here, apart from the shared flags; nothing is read.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export interface SqsCommand {
  kind: "sqs";
  action: "send";
  /** A queue's name or URL, as given. */
  queue: string;
  /** The body, or "-" for stdin. */
  body: string;
  group: string | undefined;
  dedupId: string | undefined;
  /** Seconds, 0 to 900. */
  delay: number | undefined;
  /** String message attributes, in the order given. */
  attributes: Array<[string, string]>;
  endpointUrl: string | undefined;
  json: boolean;
}

const OPTIONS = {
  group: { type: "string" },
  "dedup-id": { type: "string" },
  delay: { type: "string" },
  attribute: { type: "string", multiple: true },
  "endpoint-url": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses the arguments after `closure-pack sqs`; `help` for -h. */
export function parseSqsCommand(argv: readonly string[]): SqsCommand | { kind: "help" } {
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (action !== "send") throw new UsageError(`"sqs" takes send, got ${action === undefined ? "none" : JSON.stringify(action)}`);
  if (rest.length !== 2) throw new UsageError(`"sqs send" takes a queue (name or URL) and a body (or - for stdin), got ${rest.length} argument(s)`);
  const [queue, body] = rest as [string, string];
  if (queue === "") throw new UsageError("the queue must not be empty");
  const endpointUrl = values["endpoint-url"];
  if (endpointUrl !== undefined && !/^https?:\/\/[^/]+/.test(endpointUrl)) throw new UsageError(`option "--endpoint-url" must be an http:// or https:// URL, got ${JSON.stringify(endpointUrl)}`);
  return {
    kind: "sqs",
    action,
    queue,
    body,
    group: nonEmpty(values.group, "--group"),
    dedupId: nonEmpty(values["dedup-id"], "--dedup-id"),
    delay: values.delay === undefined ? undefined : delayOf(values.delay),
    attributes: (values.attribute ?? []).map(attributeOf),
    endpointUrl,
    json: values.json ?? false,
  };
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const flag = /'(?:-\w, )?(--?[\w-]+)/.exec((error as Error).message)?.[1] ?? "";
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option "${flag}" for "sqs"`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`option "${flag}" needs a value`);
    throw new UsageError((error as Error).message);
  }
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === "") throw new UsageError(`option "${flag}" must not be empty`);
  return value;
}

function delayOf(text: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isInteger(seconds) || seconds < 0 || seconds > 900) throw new UsageError(`option "--delay" must be a whole number of seconds from 0 to 900, got ${JSON.stringify(text)}`);
  return seconds;
}

function attributeOf(text: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) throw new UsageError(`option "--attribute" must be Name=Value, got ${JSON.stringify(text)}`);
  return [text.slice(0, at), text.slice(at + 1)];
}
