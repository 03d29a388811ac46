// The arguments of `closure-pack sns publish <topic> <message|->`: the topic
// (the program's name for it, its AWS name or ARN), the message (or - for
// stdin), --subject, --attribute Name[:Type]=Value (repeatable), --group and
// --dedup-id for FIFO topics, and the data commands' shared flags.
import { DATA_OPTIONS, dataFlags, nonEmpty, pairOf, parseDataArgs, type DataFlags } from "./data-args.js";
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

const OPTIONS = {
  ...DATA_OPTIONS,
  subject: { type: "string" },
  attribute: { type: "string", multiple: true },
  group: { type: "string" },
  "dedup-id": { type: "string" },
} as const;

const TYPES = ["String", "Number", "String.Array"];

/** Parses the arguments after `closure-pack sns`; `help` for -h. */
export function parseSnsCommand(argv: readonly string[]): SnsCommand | { kind: "help" } {
  const { values, positionals } = parseDataArgs("sns", argv, OPTIONS);
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (action !== "publish") throw new UsageError(`"sns" takes publish, got ${action === undefined ? "none" : JSON.stringify(action)}`);
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
  if (name === "" || !TYPES.includes(type)) throw new UsageError(`option "--attribute" must be Name=Value or Name:Type=Value with Type ${TYPES.join(", ")}, got ${JSON.stringify(text)}`);
  return { name, type, value };
}
