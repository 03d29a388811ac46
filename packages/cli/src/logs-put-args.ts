// The arguments of `closure-pack logs put <group> <message...>`: the log
// group (the program's name for a log group or a function, the group's
// name or ARN), one log event per message (- for stdin: one per line),
// --stream (default closure-pack), and the data commands' shared flags.
// `logs` alone (and `logs -f`) stays the stack's function logs: `put` must
// follow `logs` directly.
import { parseFlags, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { DATA_OPTIONS, dataFlags, nonEmpty, type DataFlags } from "./data-args.js";
import { LOGS, type LogsCommand } from "./deploy-args.js";
import { UsageError } from "./errors.js";

export interface LogsPutCommand extends DataFlags {
  kind: "logs-put";
  group: string;
  /** One event each, in order; "-" is stdin, one event per line. */
  messages: string[];
  stream: string;
}

export const DEFAULT_LOG_STREAM = "closure-pack";

export const LOGS_PUT_HELP = {
  name: "logs put",
  args: "<group> <message...> [options]",
  summary: "write log events to a log group, one per message",
  description:
    "write one log event per message (- for stdin: one per line) to a log group, named as the program names it (a log group or a function), by its name or by ARN",
  flags: {
    stream: { type: "string", value: "<name>", help: "the log stream, made if need be", defaultText: DEFAULT_LOG_STREAM },
    ...DATA_OPTIONS,
  },
  examples: ["closure-pack logs put worker 'job failed: o1'", "tail -n 20 app.log | closure-pack logs put /app/web -"],
} as const satisfies CommandHelp;

/** `logs`: the stack's function logs (deploy-args.ts), and `logs put`. */
export const LOGS_AND_PUT: CommandEntry<LogsCommand | LogsPutCommand> = {
  ...LOGS,
  subcommands: [LOGS_PUT_HELP],
  parse: (argv) => (argv[0] === "put" ? parseLogsPutCommand(argv.slice(1)) : LOGS.parse(argv)),
};

/** Parses the arguments after `closure-pack logs put`. */
export function parseLogsPutCommand(argv: readonly string[]): LogsPutCommand {
  const { values, positionals } = parseFlags(LOGS_PUT_HELP, argv);
  const [group, ...messages] = positionals;
  if (group === undefined || messages.length === 0)
    throw new UsageError(`"logs put" takes a log group (name or ARN) and one or more messages (or - for stdin)`);
  if (group === "") throw new UsageError("the log group must not be empty");
  if (messages.filter((each) => each === "-").length > 1) throw new UsageError(`"logs put" reads stdin once: give - at most once`);
  if (messages.some((each) => each === "")) throw new UsageError(`a log message must not be empty (CloudWatch Logs refuses it)`);
  return { kind: "logs-put", group, messages, stream: nonEmpty(values.stream, "--stream") ?? DEFAULT_LOG_STREAM, ...dataFlags(values) };
}
