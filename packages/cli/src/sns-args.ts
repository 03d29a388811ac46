// The arguments of `closure-pack sns publish <topic> <message|->`: the topic
// (the program's name for it, its AWS name or ARN), the message (or - for
// stdin), --subject, --attribute Name[:Type]=Value (repeatable), --group and
// --dedup-id for FIFO topics, and the data commands' shared flags.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { DATA_OPTIONS, dataFlags, nonEmpty, pairOf, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface SnsAttribute {
  name: string;
  /** String, Number or String.Array, as SNS takes them. */
  type: string;
  value: string;
}

export interface SnsCommand extends DataFlags {
  kind: "sns";
  action: "publish";
  topic: string;
  /** The message, or "-" for stdin. */
  message: string;
  subject: string | undefined;
  attributes: SnsAttribute[];
  group: string | undefined;
  dedupId: string | undefined;
}

export const SNS_PUBLISH_HELP = {
  name: "sns publish",
  args: "<topic> <message|-> [options]",
  summary: "publish a message to a topic",
  description: "publish a message (or - for stdin) to a topic, named as the program names it, by its name or by ARN; prints the message id",
  flags: {
    subject: { type: "string", value: "<text>", help: "the message's subject" },
    attribute: { type: "string", multiple: true, value: "N[:T]=V", help: "a message attribute of type T: String (the default), Number or String.Array" },
    group: { type: "string", value: "<id>", help: "FIFO: the message group id" },
    "dedup-id": { type: "string", value: "<id>", help: "FIFO: the deduplication id (unless content-based)" },
    ...DATA_OPTIONS,
  },
  examples: ['closure-pack sns publish orders \'{"id":"o1"}\' --attribute kind=order', "echo hello | closure-pack sns publish orders - --subject greeting"],
} as const satisfies CommandHelp;

export const SNS: CommandEntry<SnsCommand> = { name: "sns", summary: SNS_PUBLISH_HELP.summary, subcommands: [SNS_PUBLISH_HELP], parse: parseSnsCommand };

const TYPES = ["String", "Number", "String.Array"];

/** Parses the arguments after `closure-pack sns`. */
export function parseSnsCommand(argv: readonly string[]): SnsCommand {
  const [action, ...args] = argv;
  if (action !== "publish") throw unknownSubcommand("sns", ["publish"], action);
  const { values, positionals: rest } = parseFlags(SNS_PUBLISH_HELP, args);
  if (rest.length !== 2) throw new UsageError(`"sns publish" takes a topic (name or ARN) and a message (or - for stdin), got ${rest.length} argument(s)`);
  const [topic, message] = rest as [string, string];
  if (topic === "") throw new UsageError("the topic must not be empty");
  return {
    kind: "sns",
    action,
    topic,
    message,
    subject: nonEmpty(values.subject, "--subject"),
    attributes: (values.attribute ?? []).map(attributeOf),
    group: nonEmpty(values.group, "--group"),
    dedupId: nonEmpty(values["dedup-id"], "--dedup-id"),
    ...dataFlags(values),
  };
}

// SNS attribute names hold no ":", so `price:Number=5` is unambiguous.
function attributeOf(text: string): SnsAttribute {
  const [key, value] = pairOf(text, "--attribute");
  const colon = key.indexOf(":");
  const name = colon === -1 ? key : key.slice(0, colon);
  const type = colon === -1 ? "String" : key.slice(colon + 1);
  if (name === "" || !TYPES.includes(type))
    throw new UsageError(`option "--attribute" must be Name=Value or Name:Type=Value with Type ${TYPES.join(", ")}, got ${JSON.stringify(text)}`);
  return { name, type, value };
}
