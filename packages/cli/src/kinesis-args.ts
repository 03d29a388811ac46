// The arguments of `closure-pack kinesis put <stream> <data...>`: the stream
// (the program's name for it, its AWS name or ARN), one record per data
// argument (or - for stdin), --partition-key (required, as Kinesis requires
// it), and the data commands' shared flags.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { DATA_OPTIONS, dataFlags, nonEmpty, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface KinesisCommand extends DataFlags {
  kind: "kinesis";
  action: "put";
  stream: string;
  /** One record each, in order; "-" is stdin. */
  records: string[];
  partitionKey: string;
}

export const KINESIS_PUT_HELP = {
  name: "kinesis put",
  args: "<stream> <data...> --partition-key <key> [options]",
  summary: "put records on a stream, one per data argument",
  description:
    "put one record per data argument (- for stdin) on a stream, named as the program names it, by its name or by ARN, in order; prints each one's shard and sequence number",
  flags: {
    "partition-key": { type: "string", value: "<key>", help: "required: records of one key go to one shard, in order" },
    ...DATA_OPTIONS,
  },
  examples: ['closure-pack kinesis put clicks \'{"page":"/"}\' --partition-key user-1'],
} as const satisfies CommandHelp;

export const KINESIS: CommandEntry<KinesisCommand> = {
  name: "kinesis",
  summary: KINESIS_PUT_HELP.summary,
  subcommands: [KINESIS_PUT_HELP],
  parse: parseKinesisCommand,
};

/** Parses the arguments after `closure-pack kinesis`. */
export function parseKinesisCommand(argv: readonly string[]): KinesisCommand {
  const [action, ...args] = argv;
  if (action !== "put") throw unknownSubcommand("kinesis", ["put"], action);
  const { values, positionals } = parseFlags(KINESIS_PUT_HELP, args);
  const [stream, ...records] = positionals;
  if (stream === undefined || records.length === 0) throw new UsageError(`"kinesis put" takes a stream (name or ARN) and one or more records (or - for stdin)`);
  if (stream === "") throw new UsageError("the stream must not be empty");
  if (records.filter((each) => each === "-").length > 1) throw new UsageError(`"kinesis put" reads stdin once: give - at most once`);
  const partitionKey = nonEmpty(values["partition-key"], "--partition-key");
  if (partitionKey === undefined)
    throw new UsageError(`option "--partition-key" is required: Kinesis puts records with the same key on the same shard, in order`);
  if (partitionKey.length > 256) throw new UsageError(`option "--partition-key" must be at most 256 characters, got ${partitionKey.length}`);
  return { kind: "kinesis", action, stream, records, partitionKey, ...dataFlags(values) };
}
