// The arguments of `closure-pack dynamodb put|get|delete <table> <json|->`:
// the table (the program's name for it or its own), an item (put) or a key
// (get, delete) as plain JSON (or - for stdin), and the data commands'
// shared flags (data-args.ts); their help tables. Nothing is read here.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { DATA_OPTIONS, dataFlags, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface DynamoDbCommand extends DataFlags {
  kind: "dynamodb";
  action: "put" | "get" | "delete";
  table: string;
  /** The item or key as JSON text, or "-" for stdin. */
  text: string;
}

const ACTIONS = ["put", "get", "delete"] as const;
const TABLE = "the table, named as the program names it, or by its name";

export const DYNAMODB_PUT_HELP = {
  name: "dynamodb put",
  args: "<table> <item|-> [options]",
  summary: "put an item given as plain JSON",
  description: `put an item, given as plain JSON (or - for stdin), in ${TABLE}`,
  flags: DATA_OPTIONS,
  examples: [`closure-pack dynamodb put orders '{"id":"o1","total":12}'`],
} as const satisfies CommandHelp;

export const DYNAMODB_GET_HELP = {
  name: "dynamodb get",
  args: "<table> <key|-> [options]",
  summary: "print the item of a key given as plain JSON",
  description: `print the item of a key, given as plain JSON (or - for stdin), from ${TABLE}`,
  flags: DATA_OPTIONS,
  examples: [`closure-pack dynamodb get orders '{"id":"o1"}'`],
} as const satisfies CommandHelp;

export const DYNAMODB_DELETE_HELP = {
  name: "dynamodb delete",
  args: "<table> <key|-> [options]",
  summary: "delete the item of a key given as plain JSON",
  description: `delete the item of a key, given as plain JSON (or - for stdin), from ${TABLE}`,
  flags: DATA_OPTIONS,
  examples: [`closure-pack dynamodb delete orders '{"id":"o1"}'`],
} as const satisfies CommandHelp;

const ACTION_HELP = { put: DYNAMODB_PUT_HELP, get: DYNAMODB_GET_HELP, delete: DYNAMODB_DELETE_HELP } as const;

export const DYNAMODB: CommandEntry<DynamoDbCommand> = {
  name: "dynamodb",
  summary: "put an item, or get or delete one by its key",
  subcommands: Object.values(ACTION_HELP),
  parse: parseDynamoDbCommand,
};

/** Parses the arguments after `closure-pack dynamodb`. */
export function parseDynamoDbCommand(argv: readonly string[]): DynamoDbCommand {
  const [action, ...args] = argv;
  if (!(ACTIONS as readonly string[]).includes(action ?? "")) throw unknownSubcommand("dynamodb", ACTIONS, action);
  const { values, positionals: rest } = parseFlags(ACTION_HELP[action as DynamoDbCommand["action"]], args);
  const what = action === "put" ? "an item" : "a key";
  if (rest.length !== 2) throw new UsageError(`"dynamodb ${action}" takes a table and ${what} as JSON (or - for stdin), got ${rest.length} argument(s)`);
  return { kind: "dynamodb", action: action as DynamoDbCommand["action"], table: rest[0]!, text: rest[1]!, ...dataFlags(values) };
}
