// The arguments of `closure-pack kinesis put <stream> <data...>`: the stream
// (the program's name for it, its AWS name or ARN), one record per data
// argument (or - for stdin), --partition-key (required, as Kinesis requires
// it), and the data commands' shared flags.
import { DATA_OPTIONS, dataFlags, nonEmpty, parseDataArgs, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface KinesisCommand extends DataFlags {
  kind: "kinesis";
  action: "put";
  stream: string;
  /** One record each, in order; "-" is stdin. */
  records: string[];
  partitionKey: string;
}

const OPTIONS = { ...DATA_OPTIONS, "partition-key": { type: "string" } } as const;

/** Parses the arguments after `closure-pack kinesis`; `help` for -h. */
export function parseKinesisCommand(argv: readonly string[]): KinesisCommand | { kind: "help" } {
  const { values, positionals } = parseDataArgs("kinesis", argv, OPTIONS);
  if (values.help) return { kind: "help" };
  const [action, stream, ...records] = positionals;
  if (action !== "put") throw new UsageError(`"kinesis" takes put, got ${action === undefined ? "none" : JSON.stringify(action)}`);
  if (stream === undefined || records.length === 0) throw new UsageError(`"kinesis put" takes a stream (name or ARN) and one or more records (or - for stdin)`);
  if (stream === "") throw new UsageError("the stream must not be empty");
  if (records.filter((each) => each === "-").length > 1) throw new UsageError(`"kinesis put" reads stdin once: give - at most once`);
  const partitionKey = nonEmpty(values["partition-key"], "--partition-key");
  if (partitionKey === undefined) throw new UsageError(`option "--partition-key" is required: Kinesis puts records with the same key on the same shard, in order`);
  if (partitionKey.length > 256) throw new UsageError(`option "--partition-key" must be at most 256 characters, got ${partitionKey.length}`);
  return { kind: "kinesis", action, stream, records, partitionKey, ...dataFlags(values) };
}
