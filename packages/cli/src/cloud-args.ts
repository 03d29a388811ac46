// The arguments of `closure-pack cloud start|stop|status|tick`: a subcommand,
// --data (default .closure-pack/cloud), --port and --durability for start, a duration for
// tick (`5m`, `1h30m`, `250ms`), --json. Checked here, nothing is read.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

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

/** Parses the arguments after `closure-pack cloud`; `help` for -h. */
export function parseCloudCommand(argv: readonly string[]): CloudCommand | { kind: "help" } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { data: { type: "string" }, port: { type: "string" }, durability: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const flag = /'(--?[\w-]+)/.exec((error as Error).message)?.[1] ?? "";
    throw new UsageError((error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `unknown option "${flag}" for "cloud"` : `option "${flag}" needs a value`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (!(ACTIONS as readonly string[]).includes(action ?? "")) {
    throw new UsageError(`"cloud" takes start, stop, status or tick, got ${action === undefined ? "none" : JSON.stringify(action)}`);
  }
  if (values.port !== undefined && action !== "start") throw new UsageError(`option "--port" does not apply to "cloud ${action}"`);
  if (values.durability !== undefined && action !== "start") throw new UsageError(`option "--durability" does not apply to "cloud ${action}"`);
  if (values.durability !== undefined && values.durability !== "process" && values.durability !== "machine") {
    throw new UsageError(`option "--durability" must be process or machine, got ${JSON.stringify(values.durability)}`);
  }
  if (values.data === "") throw new UsageError(`option "--data" must not be empty`);
  const duration = action === "tick" ? rest.shift() : undefined;
  if (action === "tick" && duration === undefined) throw new UsageError(`"cloud tick" takes a duration, e.g. 5m, 1h30m or 250ms`);
  if (rest.length > 0) throw new UsageError(`"cloud ${action}" takes no more arguments, got ${rest.join(" ")}`);
  return {
    kind: "cloud",
    action: action as CloudCommand["action"],
    data: values.data ?? DEFAULT_DATA,
    port: values.port === undefined ? undefined : portOf(values.port),
    durability: values.durability as CloudCommand["durability"],
    ms: duration === undefined ? 0 : durationMs(duration),
    duration: duration ?? "",
    json: values.json ?? false,
  };
}

function portOf(text: string): number {
  const port = Number(text);
  if (text.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`option "--port" must be a whole number from 0 to 65535, got ${JSON.stringify(text)}`);
  return port;
}

/** `1h30m` -> 5400000; a usage error for anything else. */
export function durationMs(text: string): number {
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text)) throw new UsageError(`the duration must be a number and a unit (ms, s, m, h, d), e.g. 5m or 1h30m, got ${JSON.stringify(text)}`);
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(amount) * UNITS[unit!]!;
  return Math.round(ms);
}
