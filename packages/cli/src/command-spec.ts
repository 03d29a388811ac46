// What a command is, for its parser and its help alike: one table per command
// (`CommandHelp`: usage, one sentence, flags with defaults, examples) kept
// beside the command's parser in its *-args.ts file, and `parseFlags`, which
// reads argv against that same table so that the help cannot list a flag the
// parser refuses. Unknown flags get a did-you-mean among the command's flags.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import { suggest } from "./suggest.js";

/** One flag: how parseArgs reads it and how the help shows it. */
export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  /** Repeatable: the values in the order given. */
  multiple?: boolean;
  /** The value's placeholder in the help, e.g. "<file|->"; strings only. */
  value?: string;
  /** What it does, lower case, no final period. */
  help: string;
  /** Shown as "(default ...)" after `help` (not parseArgs' `default`: the parser decides). */
  defaultText?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** A command's own help, and the flags its parser accepts. */
export interface CommandHelp<F extends FlagSpecs = FlagSpecs> {
  /** The words after `closure-pack`: "invoke", "s3 cp". */
  name: string;
  /** What follows the name in the usage line: "<zip|dir> [options]". */
  args: string;
  /** Its line in `closure-pack --help`: at most 60 characters, lower case first, no final period. */
  summary: string;
  /** The sentence of its own help, when it says more than the summary; same style. */
  description?: string;
  flags: F;
  /** Full command lines, without the leading `$ `. */
  examples: readonly string[];
  /** The usage line instead of `closure-pack <name> <args>` (the default command's). */
  usage?: string;
}

/**
 * A top-level command as the dispatcher sees it: its name, one line for the
 * command list, its own help and/or its subcommands' (each named "<name> <sub>"),
 * and its parser, given the arguments after the name.
 */
export interface CommandEntry<C> {
  name: string;
  summary: string;
  help?: CommandHelp;
  subcommands?: readonly CommandHelp[];
  parse(argv: readonly string[]): C;
}

/** The flags every command takes without listing them. */
export const HELP_FLAG: FlagSpec = { type: "boolean", short: "h", help: "print this help" };

/** A flag's value as parsed: boolean, string, or every string given for a repeatable one. */
type FlagValue<S extends FlagSpec> = S["type"] extends "boolean" ? boolean : S["multiple"] extends true ? string[] : string;

export interface ParsedFlags<F extends FlagSpecs> {
  values: { -readonly [name in keyof F]?: FlagValue<F[name]> };
  positionals: string[];
}

/** `parseArgs` over a command's table: its flags, positionals anywhere, usage errors that name the flag. */
export function parseFlags<const F extends FlagSpecs>(help: CommandHelp<F>, argv: readonly string[]): ParsedFlags<F> {
  try {
    // Only what parseArgs reads: the help's fields are not its options.
    const options = Object.fromEntries(
      Object.entries(help.flags).map(([name, { type, short, multiple }]) => [
        name,
        { type, ...(short === undefined ? {} : { short }), multiple: multiple ?? false },
      ]),
    );
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as ParsedFlags<F>;
  } catch (error) {
    throw flagError(error, help);
  }
}

// parseArgs' own messages suggest `--` and quote with ''; ours name the flag
// the way every other usage error does.
function flagError(error: unknown, help: CommandHelp): unknown {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? "";
  const where = help.name === "pack" ? "" : ` for "${help.name}"`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const meant = flag.startsWith("--") ? suggest(flag.slice(2), Object.keys(help.flags)) : undefined;
    return new UsageError(`unknown option "${flag}"${where}`, meant === undefined ? undefined : `did you mean "--${meant}"?`);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/argument missing/.test(message)) return new UsageError(`option "${flag}" needs a value`);
    // `--event -x`: parseArgs will not take a value that looks like a flag.
    if (/ambiguous/.test(message)) return new UsageError(`option "${flag}" needs a value`, `for a value that starts with "-", write ${flag}=<value>`);
    return new UsageError(`option "${flag}" takes no value`);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return new UsageError(message);
  return error;
}

/** A usage error for a subcommand that is not one of `names`, with a did-you-mean. */
export function unknownSubcommand(command: string, names: readonly string[], got: string | undefined): UsageError {
  const list = `${names.slice(0, -1).join(", ")}${names.length > 1 ? " or " : ""}${names.at(-1) ?? ""}`;
  if (got === undefined) return new UsageError(`"${command}" takes ${list}, got none`);
  const meant = suggest(got, names);
  return new UsageError(`"${command}" takes ${list}, got ${JSON.stringify(got)}`, meant === undefined ? undefined : `did you mean "${command} ${meant}"?`);
}
