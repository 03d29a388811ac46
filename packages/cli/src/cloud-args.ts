// The arguments of `closure-pack cloud start|stop|status|tick`: a subcommand,
// --data (default .closure-pack/cloud), --port and --durability for start, a duration for
// tick (`5m`, `1h30m`, `250ms`), --json. Checked here, nothing is read.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { choice, nonEmpty } from "./flag-values.js";

export interface CloudCommand {
  kind: "cloud";
  action: "start" | "stop" | "status" | "tick";
  /** As given (relative to the working directory). */
  data: string;
  /** start: the port to listen on (default: 4566, or the running daemon's). */
  port: number | undefined;
  /** start: what an acknowledged write survives (default: the daemon's, "process"). */
  durability: "process" | "machine" | undefined;
  /** tick: milliseconds to advance. */
  ms: number;
  /** tick: the duration as given. */
  duration: string;
  json: boolean;
}

export const DEFAULT_DATA = ".closure-pack/cloud";
const ACTIONS = ["start", "stop", "status", "tick"] as const;
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const DATA = { type: "string", value: "<dir>", help: "the daemon's data folder", defaultText: DEFAULT_DATA } as const;
const JSON_FLAG = { type: "boolean", help: "print the result as JSON" } as const;

export const CLOUD_START_HELP = {
  name: "cloud start",
  args: "[options]",
  summary: "start the local cloud's daemon in the background",
  description: "start the local cloud's daemon in the background on the data folder (nothing to do when one runs there)",
  flags: {
    data: DATA,
    port: { type: "string", value: "<n>", help: "the port to listen on, 0 for a free one", defaultText: "4566" },
    durability: {
      type: "string",
      value: "process|machine",
      help: "what an acknowledged write survives: a crash of the daemon (kill -9 included), or also a power cut (an fsync per write)",
      defaultText: "process",
    },
    json: JSON_FLAG,
  },
  examples: ["closure-pack cloud start", "closure-pack cloud start --port 0 --data /tmp/cloud --json"],
} as const satisfies CommandHelp;

export const CLOUD_STOP_HELP = {
  name: "cloud stop",
  args: "[options]",
  summary: "stop the local cloud's daemon",
  description: "stop the local cloud's daemon serving the data folder",
  flags: { data: DATA, json: JSON_FLAG },
  examples: ["closure-pack cloud stop"],
} as const satisfies CommandHelp;

export const CLOUD_STATUS_HELP = {
  name: "cloud status",
  args: "[options]",
  summary: "say whether the local cloud runs, and on which port",
  description: "say whether the local cloud runs on the data folder, and on which port",
  flags: { data: DATA, json: JSON_FLAG },
  examples: ["closure-pack cloud status --json"],
} as const satisfies CommandHelp;

export const CLOUD_TICK_HELP = {
  name: "cloud tick",
  args: "<duration> [options]",
  summary: "advance the local cloud's clock by a duration",
  description:
    "advance the local cloud's clock by a duration, so that retry delays, batching windows and schedules fire as if that time had passed: a number and a unit, ms, s, m, h or d, e.g. 250ms, 5m or 1h30m",
  flags: { data: DATA, json: JSON_FLAG },
  examples: ["closure-pack cloud tick 5m"],
} as const satisfies CommandHelp;

const ACTION_HELP = { start: CLOUD_START_HELP, stop: CLOUD_STOP_HELP, status: CLOUD_STATUS_HELP, tick: CLOUD_TICK_HELP } as const;

export const CLOUD: CommandEntry<CloudCommand> = {
  name: "cloud",
  summary: "the local cloud's daemon: start it in the background, stop it, say whether it runs, advance its clock",
  subcommands: Object.values(ACTION_HELP),
  parse: parseCloudCommand,
};

/** Parses the arguments after `closure-pack cloud`. */
export function parseCloudCommand(argv: readonly string[]): CloudCommand {
  const [action, ...rest] = argv;
  if (!(ACTIONS as readonly string[]).includes(action ?? "")) throw unknownSubcommand("cloud", ACTIONS, action);
  // Every action's table is a subset of start's: read as start, then refuse what does not apply.
  const { values, positionals } = parseFlags(ACTION_HELP[action as CloudCommand["action"]] as typeof CLOUD_START_HELP, rest);
  const duration = action === "tick" ? positionals.shift() : undefined;
  if (action === "tick" && duration === undefined) throw new UsageError(`"cloud tick" takes a duration, e.g. 5m, 1h30m or 250ms`);
  if (positionals.length > 0) throw new UsageError(`"cloud ${action}" takes no more arguments, got ${positionals.join(" ")}`);
  return {
    kind: "cloud",
    action: action as CloudCommand["action"],
    data: nonEmpty(values.data, "--data") ?? DEFAULT_DATA,
    port: values.port === undefined ? undefined : portOf(values.port),
    durability:
      values.durability === undefined ? undefined : choice<"process" | "machine">(values.durability, "--durability", ["process", "machine"], "process"),
    ms: duration === undefined ? 0 : durationMs(duration),
    duration: duration ?? "",
    json: values.json ?? false,
  };
}

function portOf(text: string): number {
  const port = Number(text);
  if (text.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`option "--port" must be a whole number from 0 to 65535, got ${JSON.stringify(text)}`);
  return port;
}

/** `1h30m` -> 5400000; a usage error for anything else. */
export function durationMs(text: string): number {
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text))
    throw new UsageError(`the duration must be a number and a unit (ms, s, m, h, d), e.g. 5m or 1h30m, got ${JSON.stringify(text)}`);
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(amount) * UNITS[unit!]!;
  return Math.round(ms);
}
