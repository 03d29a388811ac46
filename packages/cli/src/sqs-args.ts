// The arguments of `closure-pack sqs send <queue> <body|->`: the queue (the
// program's name for it, its name or URL), the body (or - for stdin), --group
// and --dedup-id for FIFO queues, --delay, --attribute Name=Value
// (repeatable), and the data commands' shared flags (data-args.ts).
import { DATA_OPTIONS, dataFlags, nonEmpty, pairOf, parseDataArgs, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface SqsCommand extends DataFlags {
  kind: "sqs";
  action: "send";
  /** The program's name for a queue, its name or URL, as given. */
  queue: string;
  /** The body, or "-" for stdin. */
  body: string;
  group: string | undefined;
  dedupId: string | undefined;
  /** Seconds, 0 to 900. */
  delay: number | undefined;
  /** String message attributes, in the order given. */
  attributes: Array<[string, string]>;
}

const OPTIONS = {
  ...DATA_OPTIONS,
  group: { type: "string" },
  "dedup-id": { type: "string" },
  delay: { type: "string" },
  attribute: { type: "string", multiple: true },
} as const;

/** Parses the arguments after `closure-pack sqs`; `help` for -h. */
export function parseSqsCommand(argv: readonly string[]): SqsCommand | { kind: "help" } {
  const { values, positionals } = parseDataArgs("sqs", argv, OPTIONS);
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (action !== "send") throw new UsageError(`"sqs" takes send, got ${action === undefined ? "none" : JSON.stringify(action)}`);
  if (rest.length !== 2) throw new UsageError(`"sqs send" takes a queue (name or URL) and a body (or - for stdin), got ${rest.length} argument(s)`);
  const [queue, body] = rest as [string, string];
  if (queue === "") throw new UsageError("the queue must not be empty");
  return {
    kind: "sqs",
    action,
    queue,
    body,
    group: nonEmpty(values.group, "--group"),
    dedupId: nonEmpty(values["dedup-id"], "--dedup-id"),
    delay: values.delay === undefined ? undefined : delayOf(values.delay),
    attributes: (values.attribute ?? []).map((each) => pairOf(each, "--attribute")),
    ...dataFlags(values),
  };
}

function delayOf(text: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isInteger(seconds) || seconds < 0 || seconds > 900) throw new UsageError(`option "--delay" must be a whole number of seconds from 0 to 900, got ${JSON.stringify(text)}`);
  return seconds;
}
