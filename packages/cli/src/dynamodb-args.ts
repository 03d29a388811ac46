// The arguments of `closure-pack dynamodb put|get|delete <table> <json|->`:
// the table (the program's name for it or its own), an item (put) or a key
// (get, delete) as plain JSON (or - for stdin), and the data commands'
// shared flags (data-args.ts). Nothing is read here.
import { DATA_OPTIONS, dataFlags, parseDataArgs, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface DynamoDbCommand extends DataFlags {
  kind: "dynamodb";
  action: "put" | "get" | "delete";
  table: string;
  /** The item or key as JSON text, or "-" for stdin. */
  text: string;
}

const ACTIONS = ["put", "get", "delete"] as const;

/** Parses the arguments after `closure-pack dynamodb`; `help` for -h. */
export function parseDynamoDbCommand(argv: readonly string[]): DynamoDbCommand | { kind: "help" } {
  const { values, positionals } = parseDataArgs("dynamodb", argv, DATA_OPTIONS);
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) throw new UsageError(`"dynamodb" takes put, get or delete, got ${action === undefined ? "none" : JSON.stringify(action)}`);
  const what = action === "put" ? "an item" : "a key";
  if (rest.length !== 2) throw new UsageError(`"dynamodb ${action}" takes a table and ${what} as JSON (or - for stdin), got ${rest.length} argument(s)`);
  return { kind: "dynamodb", action: action as DynamoDbCommand["action"], table: rest[0]!, text: rest[1]!, ...dataFlags(values) };
}
