// The arguments of `closure-pack logs put <group> <message...>`: the log
// group (the program's name for a log group or a function, the group's
// name or ARN), one log event per message (- for stdin: one per line),
// --stream (default closure-pack), and the data commands' shared flags.
// `logs` alone (and `logs -f`) stays the stack's function logs: `put` must
// follow `logs` directly.
import { DATA_OPTIONS, dataFlags, nonEmpty, parseDataArgs, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface LogsPutCommand extends DataFlags {
  kind: "logs-put";
  group: string;
  /** One event each, in order; "-" is stdin, one event per line. */
  messages: string[];
  stream: string;
}

export const DEFAULT_LOG_STREAM = "closure-pack";
const OPTIONS = { ...DATA_OPTIONS, stream: { type: "string" } } as const;

/** Parses the arguments after `closure-pack logs put`; `help` for -h. */
export function parseLogsPutCommand(argv: readonly string[]): LogsPutCommand | { kind: "help" } {
  const { values, positionals } = parseDataArgs("logs put", argv, OPTIONS);
  if (values.help) return { kind: "help" };
  const [group, ...messages] = positionals;
  if (group === undefined || messages.length === 0) throw new UsageError(`"logs put" takes a log group (name or ARN) and one or more messages (or - for stdin)`);
  if (group === "") throw new UsageError("the log group must not be empty");
  if (messages.filter((each) => each === "-").length > 1) throw new UsageError(`"logs put" reads stdin once: give - at most once`);
  if (messages.some((each) => each === "")) throw new UsageError(`a log message must not be empty (CloudWatch Logs refuses it)`);
  return { kind: "logs-put", group, messages, stream: nonEmpty(values.stream, "--stream") ?? DEFAULT_LOG_STREAM, ...dataFlags(values) };
}
