// Turns argv into one Command, or throws UsageError naming the flag and what
// it must be. Parsing is node:util parseArgs; which flags each command takes
// and the allowed values are checked here, nothing is read from disk.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export type ModuleFormat = "cjs" | "esm";
export type Runtime = "nodejs20.x" | "nodejs22.x";

export interface PackCommand {
  kind: "pack";
  entry: string;
  output: string;
  mode: "eval" | "bundle";
  exportName: string;
  format: ModuleFormat;
  runtime: Runtime;
  external: string[];
  bundleAwsSdk: boolean;
  minify: boolean;
  sourcemap: boolean;
  manifest: string | undefined;
  analyze: boolean;
  json: boolean;
  quiet: boolean;
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | PackCommand
  | { kind: "print"; entry: string; exportName: string; format: ModuleFormat }
  | { kind: "hash"; zip: string; json: boolean }
  | { kind: "diff"; a: string; b: string; json: boolean; quiet: boolean };

const OPTIONS = {
  output: { type: "string", short: "o" },
  mode: { type: "string" },
  export: { type: "string" },
  format: { type: "string" },
  runtime: { type: "string" },
  external: { type: "string", multiple: true },
  "bundle-aws-sdk": { type: "boolean" },
  "no-minify": { type: "boolean" },
  sourcemap: { type: "boolean" },
  manifest: { type: "string" },
  analyze: { type: "boolean" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof parse>["values"];

const ALLOWED: Record<"pack" | "print" | "hash" | "diff", readonly OptionName[]> = {
  pack: Object.keys(OPTIONS) as OptionName[],
  print: ["export", "format"],
  hash: ["json"],
  diff: ["json", "quiet"],
};

/** Parses the arguments after `closure-pack`. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError("missing the entry file");
  switch (first) {
    case "print":
      checkAllowed("print", values);
      return { kind: "print", entry: one(rest, "print", "<entry>"), exportName: exportOf(values), format: formatOf(values) };
    case "hash":
      checkAllowed("hash", values);
      return { kind: "hash", zip: one(rest, "hash", "<zip>"), json: values.json ?? false };
    case "diff":
      checkAllowed("diff", values);
      return diffCommand(rest, values);
    default:
      return packCommand(positionals, values);
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

// parseArgs' own messages suggest `--` and quote with ''; ours name the flag
// the way every other usage error does.
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option "${flag}"`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /argument missing/.test(message) ? `option "${flag}" needs a value` : `option "${flag}" takes no value`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return message;
  throw error;
}

function packCommand(positionals: string[], values: Values): PackCommand {
  const entry = one(positionals, "", "<entry>");
  if (values.output === undefined) throw new UsageError(`option "--output" (-o) is required: the zip to write`);
  return {
    kind: "pack",
    entry,
    output: values.output,
    mode: choice(values.mode, "--mode", ["eval", "bundle"], "eval"),
    exportName: exportOf(values),
    format: formatOf(values),
    runtime: choice(values.runtime, "--runtime", ["nodejs20.x", "nodejs22.x"], "nodejs22.x"),
    external: nonEmpty(values.external ?? [], "--external"),
    bundleAwsSdk: values["bundle-aws-sdk"] ?? false,
    minify: !(values["no-minify"] ?? false),
    sourcemap: values.sourcemap ?? false,
    manifest: values.manifest === undefined ? undefined : nonEmpty([values.manifest], "--manifest")[0],
    analyze: values.analyze ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
  };
}

function diffCommand(rest: string[], values: Values): Command {
  if (rest.length !== 2) throw new UsageError(`"diff" takes two zips: diff <a.zip> <b.zip>, got ${rest.length}`);
  return { kind: "diff", a: rest[0]!, b: rest[1]!, json: values.json ?? false, quiet: values.quiet ?? false };
}

function one(list: string[], command: string, name: string): string {
  const what = command === "" ? name : `"${command}" takes one ${name}`;
  if (list.length === 0) throw new UsageError(command === "" ? `missing ${name}` : `${what}, got none`);
  if (list.length > 1) {
    throw new UsageError(command === "" ? `expected one ${name}, got ${list.length}: ${list.join(" ")}` : `${what}, got ${list.length}`);
  }
  if (list[0] === "") throw new UsageError(`${name} must not be empty`);
  return list[0]!;
}

function checkAllowed(command: keyof typeof ALLOWED, values: Values): void {
  for (const name of Object.keys(values) as OptionName[]) {
    if (!ALLOWED[command].includes(name)) throw new UsageError(`option "--${name}" does not apply to "${command}"`);
  }
}

function exportOf(values: Values): string {
  return values.export === undefined ? "handler" : nonEmpty([values.export], "--export")[0]!;
}

function formatOf(values: Values): ModuleFormat {
  return choice(values.format, "--format", ["cjs", "esm"], "cjs");
}

function choice<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((each) => `"${each}"`).join(" or ");
  throw new UsageError(`option "${flag}" must be ${list}, got ${JSON.stringify(value)}`);
}

function nonEmpty(list: string[], flag: string): string[] {
  if (list.some((each) => each === "")) throw new UsageError(`option "${flag}" must not be empty`);
  return list;
}
