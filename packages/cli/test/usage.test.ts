// Usage errors and help through the real command: a usage error is one line
// (and a hint), then which --help to read, exit 2, and with --json also a
// record on stdout; every command of the table has its own --help, the same
// as `help <command>`; NO_COLOR and FORCE_COLOR decide colour. Output is
// compared whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandEntry, CommandHelp } from "../src/command-spec.js";
import { formatCommandHelp, formatGroupHelp, formatOverview } from "../src/help.js";
import { COMMANDS } from "../src/usage.js";
import { createWorkspace, type Workspace } from "./support/cli.js";

let ws: Workspace;
beforeAll(() => {
  ws = createWorkspace();
});
afterAll(() => ws.remove());

interface UsageCase {
  name: string;
  args: string[];
  /** The error line after "closure-pack: ", and the hint line if any. */
  error: string;
  hint?: string;
  /** Whose --help the last line points at; none: closure-pack --help. */
  help?: string;
  /** Not in the --json table: the command takes no --json, or it would change the error. */
  noJson?: true;
}

const USAGE_ERRORS: UsageCase[] = [
  { name: "command: none", args: [], error: "missing a command or an entry file" },
  { name: "command: mistyped", args: ["invok", "out/a.zip"], error: 'unknown command "invok"', hint: 'did you mean "invoke"?' },
  { name: "command: two letters swapped", args: ["dfif", "a.zip", "b.zip"], error: 'unknown command "dfif"', hint: 'did you mean "diff"?' },
  { name: "command: the start of one", args: ["dynam", "put"], error: 'unknown command "dynam"', hint: 'did you mean "dynamodb"?' },
  { name: "command: nothing close", args: ["frobnicate"], error: 'unknown command "frobnicate"', hint: "to pack a file of that name, write ./frobnicate" },
  { name: "command: help of a mistyped one", args: ["help", "clod"], error: 'unknown command "clod"', hint: 'did you mean "cloud"?' },
  {
    name: "subcommand: mistyped",
    args: ["cloud", "strat"],
    error: '"cloud" takes start, stop, status or tick, got "strat"',
    hint: 'did you mean "cloud start"?',
    help: "cloud",
  },
  { name: "subcommand: missing", args: ["s3"], error: '"s3" takes cp, ls or rm, got none', help: "s3", noJson: true },
  {
    name: "flag: mistyped",
    args: ["invoke", "out/a.zip", "--evnet", "e.json"],
    error: 'unknown option "--evnet" for "invoke"',
    hint: 'did you mean "--event"?',
    help: "invoke",
  },
  {
    name: "flag: mistyped, default command",
    args: ["project/handler.ts", "-o", "x.zip", "--analyse"],
    error: 'unknown option "--analyse"',
    hint: 'did you mean "--analyze"?',
    help: "pack",
  },
  {
    name: "flag: the start of one",
    args: ["s3", "ls", "--endpoint", "http://127.0.0.1:9"],
    error: 'unknown option "--endpoint" for "s3 ls"',
    hint: 'did you mean "--endpoint-url"?',
    help: "s3 ls",
  },
  { name: "flag: another command's", args: ["hash", "x.zip", "--runtime", "nodejs20.x"], error: 'unknown option "--runtime" for "hash"', help: "hash" },
  { name: "flag: another subcommand's", args: ["cloud", "stop", "--port", "1"], error: 'unknown option "--port" for "cloud stop"', help: "cloud stop" },
  {
    name: "flag: a value that looks like a flag",
    args: ["invoke", "out/a.zip", "--event", "-x"],
    error: 'option "--event" needs a value',
    hint: 'for a value that starts with "-", write --event=<value>',
    help: "invoke",
  },
  { name: "argument: missing", args: ["hash"], error: '"hash" takes one <zip>, got none', help: "hash" },
  {
    name: "argument: missing, subcommand",
    args: ["s3", "cp", "a.txt"],
    error: '"s3 cp" takes a source and a destination, got 1 path(s)',
    help: "s3 cp",
    noJson: true,
  },
  { name: "argument: the entry's output", args: ["project/handler.ts"], error: 'option "--output" (-o) is required: the zip to write', help: "pack" },
  { name: "value: missing", args: ["project/handler.ts", "-o"], error: 'option "--output" needs a value', help: "pack", noJson: true },
  {
    name: "value: out of range",
    args: ["invoke", "out/a.zip", "--memory", "64"],
    error: 'option "--memory" must be a whole number of MB from 128 to 10240, got "64"',
    help: "invoke",
  },
  { name: "value: not a choice", args: ["up", "index.ts", "--target", "gcp"], error: 'option "--target" must be "local" or "aws", got "gcp"', help: "up" },
  {
    name: "value: checked when run",
    args: ["event", "s3put"],
    error: 'unknown event kind "s3put": must be one of s3-put, s3-delete, sqs, sns, dynamodb, kinesis, schedule, eventbridge, logs, apigw-v1, apigw-v2',
    hint: 'did you mean "s3-put"?',
    help: "event",
    noJson: true,
  },
];

function usageStderr({ error, hint, help }: UsageCase): string {
  const pointer = help === undefined ? "closure-pack --help" : `closure-pack ${help} --help`;
  return `closure-pack: ${error}\n${hint === undefined ? "" : `hint: ${hint}\n`}run "${pointer}" for usage\n`;
}

describe("usage errors: one line, a hint, where the usage is; exit 2", () => {
  it.each(USAGE_ERRORS)("$name", async (usage) => {
    expect(await ws.run(usage.args)).toEqual({ code: 2, stdout: "", stderr: usageStderr(usage) });
  });

  it.each(USAGE_ERRORS.filter((usage) => usage.args.length > 0 && usage.noJson === undefined))("--json: $name", async (usage) => {
    const run = await ws.run([...usage.args, "--json"]);
    const message = `${usage.error}${usage.hint === undefined ? "" : `\nhint: ${usage.hint}`}`;
    const record = { code: "USAGE", message, ...(usage.hint === undefined ? {} : { hint: usage.hint }) };
    expect({ ...run, stdout: JSON.parse(run.stdout) as unknown }).toEqual({ code: 2, stdout: { error: record }, stderr: usageStderr(usage) });
  });
});

/** A command's help: its own, its one subcommand's (sqs is sqs send), or its subcommands listed. */
function commandText(entry: CommandEntry<unknown>): string {
  const only = entry.help ?? (entry.subcommands?.length === 1 ? entry.subcommands[0] : undefined);
  return only === undefined ? formatGroupHelp(entry) : formatCommandHelp(only);
}

/** Every command's help, found by the words that ask for it. */
function everyHelp(): Array<{ name: string; words: string[]; help: CommandHelp | undefined; text: string }> {
  return COMMANDS.flatMap((entry) => [
    { name: entry.name, words: [entry.name], help: entry.help, text: commandText(entry) },
    ...(entry.subcommands ?? []).map((sub) => ({ name: sub.name, words: sub.name.split(" "), help: sub, text: formatCommandHelp(sub) })),
  ]);
}

describe("help: every command of the table", () => {
  it.each(COMMANDS.map((entry) => ({ name: entry.name, entry })))("table: $name has a help of its own or subcommands", ({ entry }) => {
    expect(entry.help !== undefined || (entry.subcommands ?? []).length > 0).toBe(true);
  });

  it.each(everyHelp().filter(({ help }) => help !== undefined))("table: $name has a short summary and an example", ({ help }) => {
    expect([help!.summary.length <= 60, help!.examples.length > 0, help!.examples.every((line) => line.includes("closure-pack "))]).toEqual([true, true, true]);
  });

  it.each(everyHelp())("--help: $name", async ({ words, help, text }) => {
    const run = await ws.run([...words, "--help"]);
    expect(run).toEqual({ code: 0, stderr: "", stdout: text });
    expect(run.stdout.startsWith(`Usage: ${help?.usage ?? `closure-pack ${words.join(" ")}`}`)).toBe(true);
    for (const flag of Object.keys(help?.flags ?? {})) expect(run.stdout).toContain(`--${flag}`);
  });

  it.each(everyHelp())("help <command>: $name, the same as --help", async ({ words, text }) => {
    expect(await ws.run(["help", ...words])).toEqual({ code: 0, stderr: "", stdout: text });
  });

  it.each([
    {
      name: "-h after the arguments",
      args: ["invoke", "out/a.zip", "-h"],
      text: () => formatCommandHelp(COMMANDS.find((entry) => entry.name === "invoke")!.help!),
    },
    {
      name: "an entry file and --help",
      args: ["project/handler.ts", "--help"],
      text: () => formatCommandHelp(COMMANDS.find((entry) => entry.name === "pack")!.help!),
    },
    { name: "--help", args: ["--help"], text: () => formatOverview(COMMANDS) },
    { name: "help alone", args: ["help"], text: () => formatOverview(COMMANDS) },
  ])("help: $name", async ({ args, text }) => {
    expect(await ws.run(args)).toEqual({ code: 0, stderr: "", stdout: text() });
  });

  it("--help: every command and subcommand on a line of its own, within 80 columns", async () => {
    const { stdout } = await ws.run(["--help"]);
    const names = COMMANDS.flatMap((entry) => [...(entry.help ? [entry.name] : []), ...(entry.subcommands ?? []).map((sub) => sub.name)]);
    const listed = stdout
      .split("\n")
      .filter((line) => /^ {2}[a-z]/.test(line))
      .map((line) => line.trim().split(/ {2,}/)[0]);
    expect(listed).toEqual(names);
    expect(stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
  });
});

describe("colour: NO_COLOR and FORCE_COLOR (stderr is a pipe here)", () => {
  const plain = 'closure-pack: unknown command "invok"\nhint: did you mean "invoke"?\nrun "closure-pack --help" for usage\n';
  const painted =
    '\u001b[31mclosure-pack: unknown command "invok"\u001b[39m\n\u001b[2mhint: did you mean "invoke"?\u001b[22m\nrun "closure-pack --help" for usage\n';
  it.each([
    { name: "a pipe, nothing set", env: { NO_COLOR: "" }, stderr: plain },
    { name: "NO_COLOR=1", env: { NO_COLOR: "1" }, stderr: plain },
    { name: "FORCE_COLOR=0", env: { FORCE_COLOR: "0", NO_COLOR: "" }, stderr: plain },
    { name: "FORCE_COLOR=1", env: { FORCE_COLOR: "1", NO_COLOR: "" }, stderr: painted },
    { name: "FORCE_COLOR=3", env: { FORCE_COLOR: "3", NO_COLOR: "" }, stderr: painted },
    { name: "FORCE_COLOR=1 wins over NO_COLOR=1", env: { FORCE_COLOR: "1", NO_COLOR: "1" }, stderr: painted },
  ])("colour: $name", async ({ env, stderr }) => {
    expect(await ws.run(["invok"], env)).toEqual({ code: 2, stdout: "", stderr });
  });
});
