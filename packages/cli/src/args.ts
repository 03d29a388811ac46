// Turns argv into one Command: finds the command in the table (usage.ts) and
// hands it the arguments after its name, or answers --help, `help <command>`
// and --version. A bare word that is no command and names no file or folder
// here is refused with a did-you-mean; anything else is the default command's
// (pack) entry. Usage errors leave here knowing which command's help to point at.
import { existsSync } from "node:fs";
import type { CommandEntry } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { formatCommandHelp, formatGroupHelp, formatOverview } from "./help.js";
import { PACK } from "./pack-args.js";
import { suggest } from "./suggest.js";
import { COMMANDS, type Command } from "./usage.js";

export type { Command } from "./usage.js";
export type { EventCommand, InvokeCommand } from "./invoke-args.js";
export type { ModuleFormat, PackCommand, Runtime } from "./pack-args.js";

/** Parses the arguments after `closure-pack`. */
export function parseCommand(argv: readonly string[]): Command {
  if (argv[0] === "--version" || argv[0] === "-v") return { kind: "version" };
  if (argv[0] === "help") return { kind: "help", text: helpText(argv.slice(1)) };
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  const isHelp = (arg: string) => arg === "--help" || arg === "-h";
  if (argv.slice(0, end).some(isHelp)) return { kind: "help", text: helpText(argv.filter((arg, at) => at >= end || !isHelp(arg))) };
  const { entry, rest } = findCommand(argv);
  try {
    return entry.parse(rest);
  } catch (error) {
    if (error instanceof UsageError) error.command ??= helpName(entry, rest);
    throw error;
  }
}

/** The command named first, or the default command for an entry file or a flag. */
function findCommand(argv: readonly string[]): { entry: CommandEntry<Command>; rest: readonly string[] } {
  const [first] = argv;
  if (first === undefined) throw new UsageError("missing a command or an entry file");
  const entry = COMMANDS.find((each) => each.name === first);
  if (entry !== undefined) return { entry, rest: argv.slice(1) };
  if (isCommandWord(first) && !existsSync(first)) throw unknownCommand(first);
  return { entry: PACK, rest: argv };
}

// An entry file has an extension or a folder (handler.ts, ./print); a bare
// word is a command, mistyped when it is none of them (and no file's name).
function isCommandWord(arg: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(arg);
}

function unknownCommand(word: string): UsageError {
  const meant = suggest(word, [...COMMANDS.map((entry) => entry.name), "help"]);
  const hint = meant === undefined ? `to pack a file of that name, write ./${word}` : `did you mean "${meant}"?`;
  return new UsageError(`unknown command "${word}"`, hint);
}

/** The command whose help fits: "s3 cp" when the subcommand is known, else the command's name. */
function helpName(entry: CommandEntry<unknown>, rest: readonly string[]): string {
  const sub = entry.subcommands?.find((help) => help.name === `${entry.name} ${rest[0]}`);
  return sub?.name ?? entry.name;
}

/** `closure-pack <words> --help`: the overview, a command's or a subcommand's help. */
function helpText(words: readonly string[]): string {
  if (words.length === 0) return formatOverview(COMMANDS);
  const { entry, rest } = findCommand(words);
  const subcommands = entry.subcommands ?? [];
  // A command with one subcommand (sqs send) is that subcommand.
  const sub =
    subcommands.find((help) => help.name === `${entry.name} ${rest[0]}`) ?? (entry.help === undefined && subcommands.length === 1 ? subcommands[0] : undefined);
  if (sub !== undefined) return formatCommandHelp(sub);
  return entry.help === undefined ? formatGroupHelp(entry) : formatCommandHelp(entry.help);
}
