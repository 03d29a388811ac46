// The help texts, made from the commands' tables (command-spec.ts): one
// command's help (usage line, one sentence, its flags with their defaults,
// examples), a group's (its subcommands, one line each) and the command list
// of `closure-pack --help`. Plain text, 80 columns, no colour.
import { HELP_FLAG, type CommandEntry, type CommandHelp, type FlagSpec } from "./command-spec.js";

const WIDTH = 80;
/** A flag or command name longer than this puts its description on the next line. */
const MAX_COLUMN = 30;

/** `closure-pack <command> --help`. */
export function formatCommandHelp(help: CommandHelp): string {
  const flags = Object.entries(help.flags).map(([name, flag]) => flagRow(name, flag));
  const sections = [
    `Usage: ${help.usage ?? `closure-pack ${help.name} ${help.args}`.trimEnd()}`,
    sentence(help.description ?? help.summary),
    `Options:\n${table([...flags, flagRow("help", HELP_FLAG)])}`,
  ];
  if (help.examples.length > 0) sections.push(`Examples:\n${help.examples.map((line) => `  ${line}`).join("\n")}`);
  return `${sections.join("\n\n")}\n`;
}

/** `closure-pack <group> --help` for a command that is only its subcommands. */
export function formatGroupHelp(entry: CommandEntry<unknown>): string {
  const subcommands = entry.subcommands ?? [];
  const names = subcommands.map((help) => help.name.slice(entry.name.length + 1)).join("|");
  return `${[
    `Usage: closure-pack ${entry.name} ${names} ...`,
    sentence(entry.summary),
    `Commands:\n${table(subcommands.map(commandRow))}`,
    `Run "closure-pack ${entry.name} <command> --help" for its flags and examples.`,
  ].join("\n\n")}\n`;
}

/** `closure-pack --help`: every command and subcommand, one line each. */
export function formatOverview(entries: readonly CommandEntry<unknown>[]): string {
  const rows: Array<[string, string]> = [];
  for (const entry of entries) {
    if (entry.help !== undefined) rows.push([entry.name, entry.help.summary]);
    for (const sub of entry.subcommands ?? []) rows.push([sub.name, sub.summary]);
  }
  return `${[
    "Usage: closure-pack <command> [options]\n       closure-pack <entry> -o <out.zip> [options]   (the same as pack)",
    `Commands:\n${table(rows.map(([name, summary]) => [`  ${name}`, summary]))}`,
    [
      'Run "closure-pack <command> --help" (or "closure-pack help <command>") for a',
      "command's flags and examples. Colour: off with NO_COLOR or FORCE_COLOR=0, on",
      "without a terminal with FORCE_COLOR=1. Exit codes: 0 success, 1 a known error",
      "(message printed), 2 a usage error.",
    ].join("\n"),
  ].join("\n\n")}\n`;
}

function flagRow(name: string, flag: FlagSpec): [string, string] {
  const short = flag.short === undefined ? "    " : `-${flag.short}, `;
  const value = flag.type === "string" ? ` ${flag.value ?? "<value>"}` : "";
  const notes = [flag.multiple === true ? "repeatable" : "", flag.defaultText === undefined ? "" : `default ${flag.defaultText}`].filter((note) => note !== "");
  return [`  ${short}--${name}${value}`, notes.length === 0 ? flag.help : `${flag.help} (${notes.join("; ")})`];
}

function commandRow(help: CommandHelp): [string, string] {
  return [`  ${help.name} ${help.args.replace(/ ?\[options\]$/, "")}`.trimEnd(), help.summary];
}

/** Left column padded to the longest entry (at most MAX_COLUMN), descriptions wrapped. */
function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const column = Math.min(MAX_COLUMN, Math.max(...rows.map(([left]) => left.length))) + 2;
  return rows
    .map(([left, text]) => {
      const lines = wrap(text, WIDTH - column);
      const first = left.length + 2 > column ? [left, ...lines] : [`${left.padEnd(column)}${lines.shift() ?? ""}`, ...lines];
      return first.map((line, index) => (index === 0 ? line : `${" ".repeat(column)}${line}`)).join("\n");
    })
    .join("\n");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

function sentence(text: string): string {
  return wrap(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`, WIDTH).join("\n");
}
