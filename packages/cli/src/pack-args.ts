// The packaging commands' tables and parsers: pack (the default command:
// `closure-pack <entry> -o <out.zip>`), print, hash and diff. Each table is
// both the command's --help and the flags its parser accepts.
import { parseFlags, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { choice, nonEmpty, nonEmptyList, numberOf, one } from "./flag-values.js";
import { DEFAULT_LOAD_TIMEOUT } from "./load-deadline.js";

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
  /** Seconds the entry may take to load (eval mode). */
  loadTimeout: number;
}

export interface PrintCommand {
  kind: "print";
  entry: string;
  exportName: string;
  format: ModuleFormat;
  loadTimeout: number;
}

export type HashCommand = { kind: "hash"; zip: string; json: boolean };
export type DiffCommand = { kind: "diff"; a: string; b: string; json: boolean; quiet: boolean };

const EXPORT = { type: "string", value: "<name>", help: "the export to pack", defaultText: "handler" } as const;
const FORMAT = { type: "string", value: "cjs|esm", help: "index.js (cjs) or index.mjs (esm)", defaultText: "cjs" } as const;
const LOAD_TIMEOUT = { type: "string", value: "<s>", help: "seconds the entry may take to load", defaultText: String(DEFAULT_LOAD_TIMEOUT) } as const;
const JSON_FLAG = { type: "boolean", help: "print the result as JSON on stdout" } as const;
const QUIET = { type: "boolean", short: "q", help: "print nothing but errors" } as const;

export const PACK_HELP = {
  name: "pack",
  args: "<entry> -o <out.zip> [options]",
  usage: "closure-pack [pack] <entry> -o <out.zip> [options]",
  summary: "pack a handler file into a deterministic Lambda zip",
  description:
    "pack a handler file (.ts, .mts, .cts, .js, .mjs, .cjs) into a deterministic Lambda zip: the entry is loaded once, so its module-level code runs now, and its live export is serialized with what it captures, exported as index.handler; to pack a file named like a command, write ./name",
  flags: {
    output: { type: "string", short: "o", value: "<file>", help: "the zip to write (required); left untouched when its content is unchanged" },
    mode: {
      type: "string",
      value: "eval|bundle",
      help: "eval: load the entry and serialize the live export; bundle: bundle the file without running it",
      defaultText: "eval",
    },
    export: EXPORT,
    format: FORMAT,
    "load-timeout": LOAD_TIMEOUT,
    runtime: { type: "string", value: "<name>", help: "nodejs20.x or nodejs22.x", defaultText: "nodejs22.x" },
    external: { type: "string", multiple: true, value: "<module>", help: "keep a module out of the bundle; @aws-sdk/* is external unless --bundle-aws-sdk" },
    "bundle-aws-sdk": { type: "boolean", help: "bundle @aws-sdk/* instead of using the runtime's copy" },
    "no-minify": { type: "boolean", help: "do not minify (output may then depend on the layout)" },
    sourcemap: { type: "boolean", help: "write <out.zip>.map beside the zip (never inside it)" },
    manifest: { type: "string", value: "<file>", help: "write the manifest (files, packages, captures, hashes)" },
    analyze: { type: "boolean", help: "list the largest contributors to the bundle" },
    json: JSON_FLAG,
    quiet: QUIET,
  },
  examples: ["closure-pack handler.ts -o out/handler.zip", "closure-pack src/api.ts -o out/api.zip --mode bundle --format esm"],
} as const satisfies CommandHelp;

export const PRINT_HELP = {
  name: "print",
  args: "<entry> [options]",
  summary: "print the serialized handler module",
  description: "print the serialized handler module, as pack would put it in the zip",
  flags: { export: EXPORT, format: FORMAT, "load-timeout": LOAD_TIMEOUT },
  examples: ["closure-pack print handler.ts --export main"],
} as const satisfies CommandHelp;

export const HASH_HELP = {
  name: "hash",
  args: "<zip> [--json]",
  summary: "print a zip's codeSha256 and contentHash",
  description: "print a zip's codeSha256 (as Lambda reports it) and its contentHash (of the files, whatever the zip's layout)",
  flags: { json: JSON_FLAG },
  examples: ["closure-pack hash out/handler.zip"],
} as const satisfies CommandHelp;

export const DIFF_HELP = {
  name: "diff",
  args: "<a.zip> <b.zip> [--json]",
  summary: "list the entries added, removed and changed in two zips",
  description: "list the entries added, removed and changed between two zips; exit 0 when equal, 1 when not, 2 when they cannot be compared",
  flags: { json: JSON_FLAG, quiet: { type: "boolean", short: "q", help: "print nothing: the exit code says" } },
  examples: ["closure-pack diff old.zip new.zip"],
} as const satisfies CommandHelp;

export const PACK: CommandEntry<PackCommand> = { name: "pack", summary: PACK_HELP.summary, help: PACK_HELP, parse: parsePackCommand };
export const PRINT: CommandEntry<PrintCommand> = { name: "print", summary: PRINT_HELP.summary, help: PRINT_HELP, parse: parsePrintCommand };
export const HASH: CommandEntry<HashCommand> = { name: "hash", summary: HASH_HELP.summary, help: HASH_HELP, parse: parseHashCommand };
export const DIFF: CommandEntry<DiffCommand> = { name: "diff", summary: DIFF_HELP.summary, help: DIFF_HELP, parse: parseDiffCommand };

/** `closure-pack [pack] <entry> -o <out.zip> [options]`: the arguments after `pack`, or all of them. */
export function parsePackCommand(argv: readonly string[]): PackCommand {
  const { values, positionals } = parseFlags(PACK_HELP, argv);
  const entry = one(positionals, "", "<entry>");
  if (values.output === undefined) throw new UsageError(`option "--output" (-o) is required: the zip to write`);
  return {
    kind: "pack",
    entry,
    output: values.output,
    mode: choice(values.mode, "--mode", ["eval", "bundle"], "eval"),
    exportName: nonEmpty(values.export, "--export") ?? "handler",
    format: choice(values.format, "--format", ["cjs", "esm"], "cjs"),
    runtime: choice(values.runtime, "--runtime", ["nodejs20.x", "nodejs22.x"], "nodejs22.x"),
    external: nonEmptyList(values.external ?? [], "--external"),
    bundleAwsSdk: values["bundle-aws-sdk"] ?? false,
    minify: !(values["no-minify"] ?? false),
    sourcemap: values.sourcemap ?? false,
    manifest: nonEmpty(values.manifest, "--manifest"),
    analyze: values.analyze ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    loadTimeout: loadTimeoutOf(values["load-timeout"]),
  };
}

function parsePrintCommand(argv: readonly string[]): PrintCommand {
  const { values, positionals } = parseFlags(PRINT_HELP, argv);
  return {
    kind: "print",
    entry: one(positionals, "print", "<entry>"),
    exportName: nonEmpty(values.export, "--export") ?? "handler",
    format: choice(values.format, "--format", ["cjs", "esm"], "cjs"),
    loadTimeout: loadTimeoutOf(values["load-timeout"]),
  };
}

function parseHashCommand(argv: readonly string[]): HashCommand {
  const { values, positionals } = parseFlags(HASH_HELP, argv);
  return { kind: "hash", zip: one(positionals, "hash", "<zip>"), json: values.json ?? false };
}

function parseDiffCommand(argv: readonly string[]): DiffCommand {
  const { values, positionals } = parseFlags(DIFF_HELP, argv);
  if (positionals.length !== 2) throw new UsageError(`"diff" takes two zips: diff <a.zip> <b.zip>, got ${positionals.length}`);
  return { kind: "diff", a: positionals[0]!, b: positionals[1]!, json: values.json ?? false, quiet: values.quiet ?? false };
}

function loadTimeoutOf(value: string | undefined): number {
  return numberOf(value, "--load-timeout", DEFAULT_LOAD_TIMEOUT, (n) => n > 0, "a number of seconds above 0");
}
