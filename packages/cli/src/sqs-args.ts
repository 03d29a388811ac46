// The arguments of `closure-pack sqs send <queue> <body|->`: the queue (the
// program's name for it, its name or URL), the body (or - for stdin), --group
// and --dedup-id for FIFO queues, --delay, --attribute Name=Value
// (repeatable), and the data commands' shared flags (data-args.ts); its help
// table. Nothing is read here.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { DATA_OPTIONS, dataFlags, nonEmpty, pairOf, type DataFlags } from "./data-args.js";
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

export const SQS_SEND_HELP = {
  name: "sqs send",
  args: "<queue> <body|-> [options]",
  summary: "send a message to a queue",
  description: "send a message (or - for stdin) to a queue, named as the program names it, by its name or by URL; prints the message id",
  flags: {
    group: { type: "string", value: "<id>", help: "FIFO: the message group id" },
    "dedup-id": { type: "string", value: "<id>", help: "FIFO: the deduplication id (unless content-based)" },
    delay: { type: "string", value: "<s>", help: "seconds before the message can be received, 0 to 900", defaultText: "the queue's" },
    attribute: { type: "string", multiple: true, value: "N=V", help: "a String message attribute" },
    ...DATA_OPTIONS,
  },
  examples: [`closure-pack sqs send orders '{"id":"o1"}'`, "echo hello | closure-pack sqs send jobs.fifo - --group g1"],
} as const satisfies CommandHelp;

export const SQS: CommandEntry<SqsCommand> = { name: "sqs", summary: SQS_SEND_HELP.summary, subcommands: [SQS_SEND_HELP], parse: parseSqsCommand };

/** Parses the arguments after `closure-pack sqs`. */
export function parseSqsCommand(argv: readonly string[]): SqsCommand {
  const [action, ...args] = argv;
  if (action !== "send") throw unknownSubcommand("sqs", ["send"], action);
  const { values, positionals: rest } = parseFlags(SQS_SEND_HELP, args);
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
  if (text.trim() === "" || !Number.isInteger(seconds) || seconds < 0 || seconds > 900)
    throw new UsageError(`option "--delay" must be a whole number of seconds from 0 to 900, got ${JSON.stringify(text)}`);
  return seconds;
}
