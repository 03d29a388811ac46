// The arguments of `closure-pack dynamodb put|get|delete <table> <json|->`:
// the table's name, an item (put) or a key (get, delete) as plain JSON (or -
// for stdin), --endpoint-url and --json. Parsed here, apart from the shared
// flags; nothing is read.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export interface DynamoDbCommand {
  kind: "dynamodb";
  action: "put" | "get" | "delete";
  table: string;
  /** The item or key as JSON text, or "-" for stdin. */
  json: string;
  endpointUrl: string | undefined;
  printJson: boolean;
}

const OPTIONS = { "endpoint-url": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;
const ACTIONS = ["put", "get", "delete"] as const;

/** Parses the arguments after `closure-pack dynamodb`; `help` for -h. */
export function parseDynamoDbCommand(argv: readonly string[]): DynamoDbCommand | { kind: "help" } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const flag = /'(?:-\w, )?(--?[\w-]+)/.exec((error as Error).message)?.[1] ?? "";
    if ((error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option "${flag}" for "dynamodb"`);
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) throw new UsageError(`"dynamodb" takes put, get or delete, got ${action === undefined ? "none" : JSON.stringify(action)}`);
  const what = action === "put" ? "an item" : "a key";
  if (rest.length !== 2) throw new UsageError(`"dynamodb ${action}" takes a table and ${what} as JSON (or - for stdin), got ${rest.length} argument(s)`);
  const endpointUrl = values["endpoint-url"];
  if (endpointUrl !== undefined && !/^https?:\/\/[^/]+/.test(endpointUrl)) throw new UsageError(`option "--endpoint-url" must be an http:// or https:// URL, got ${JSON.stringify(endpointUrl)}`);
  return { kind: "dynamodb", action: action as DynamoDbCommand["action"], table: rest[0]!, json: rest[1]!, endpointUrl, printJson: values.json ?? false };
}
