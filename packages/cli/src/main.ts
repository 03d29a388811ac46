// The command line's one entry point: parse, run one command, and turn every
// failure into output and an exit code (STYLE.md §4): a known error prints
// its message alone (exit 1), a usage error its message and which --help to
// read (exit 2), anything else its stack as a bug (exit 1). With --json, an
// error is also a record on stdout: { "error": { code, message, hint? } }.
import { ClosurePackError } from "@closure-pack/errors";
import { parseCommand, type Command } from "./args.js";
import { UsageError } from "./errors.js";
import { processIo, type Io } from "./io.js";
import { VERSION } from "./version.js";

/** Runs `closure-pack` with the arguments after the command name; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  quietSdkNodeNotice();
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    return error instanceof UsageError ? reportUsage(error, hasJsonFlag(argv), io) : reportBug(error, io);
  }
  try {
    return await run(command, io);
  } catch (error) {
    // `event` checks its kind and flags against the runtime's table when it runs.
    if (error instanceof UsageError) {
      error.command ??= commandName(command);
      return reportUsage(error, isJson(command), io);
    }
    // Every package's errors a user can cause share one base class.
    if (!(error instanceof ClosurePackError)) return reportBug(error, io);
    reportKnown(error, command, io);
    // diff exits 2 when it cannot compare, as diff(1) does: 1 means "different".
    return command.kind === "diff" ? 2 : 1;
  }
}

// Commands are imported when run: --help and --version then load neither
// esbuild nor the serializer (esbuild's bundle keeps these imports lazy).
async function run(command: Command, io: Io): Promise<number> {
  switch (command.kind) {
    case "help":
      io.out(command.text);
      return 0;
    case "version":
      io.out(`${VERSION}\n`);
      return 0;
    case "pack":
      return (await import("./commands/pack.js")).runPack(command, io);
    case "print":
      return (await import("./commands/print.js")).runPrint(command, io);
    case "hash":
      return (await import("./commands/hash.js")).runHash(command, io);
    case "diff":
      return (await import("./commands/diff.js")).runDiff(command, io);
    case "invoke":
      return (await import("./commands/invoke.js")).runInvoke(command, io);
    case "event":
      return (await import("./commands/event.js")).runEvent(command, io);
    case "up":
    case "preview":
    case "destroy":
      return (await import("./commands/deploy.js")).runDeploy(command, io);
    case "stack":
      return (await import("./commands/stack.js")).runStack(command, io);
    case "logs":
      return (await import("./commands/logs.js")).runLogs(command, io);
    case "s3":
      return (await import("./commands/s3.js")).runS3(command, io);
    case "sqs":
      return (await import("./commands/sqs.js")).runSqs(command, io);
    case "dynamodb":
      return (await import("./commands/dynamodb.js")).runDynamoDb(command, io);
    case "sns":
      return (await import("./commands/sns.js")).runSns(command, io);
    case "kinesis":
      return (await import("./commands/kinesis.js")).runKinesis(command, io);
    case "events":
      return (await import("./commands/events.js")).runEvents(command, io);
    case "logs-put":
      return (await import("./commands/logs-put.js")).runLogsPut(command, io);
    case "cloud":
      return (await import("./commands/cloud.js")).runCloud(command, io);
  }
}

/** The message alone; with --json also the error record on stdout. */
function reportKnown(error: ClosurePackError, command: Command, io: Io): void {
  const [first = "", ...rest] = error.message.split("\n");
  const lines = rest.map((line) => (line.startsWith("hint: ") ? io.errPaint.dim(line) : line));
  io.err(`${[io.errPaint.red(first), ...lines].join("\n")}\n`);
  if (isJson(command)) writeErrorRecord(error, io);
}

/** One line (and a hint), then where the usage is, never the usage itself: it would scroll the message away. */
function reportUsage(error: UsageError, json: boolean, io: Io): number {
  const [first = "", ...rest] = error.message.split("\n");
  const help = error.command === undefined ? "closure-pack --help" : `closure-pack ${error.command} --help`;
  const lines = [io.errPaint.red(`closure-pack: ${first}`), ...rest.map((line) => io.errPaint.dim(line)), `run "${help}" for usage`];
  io.err(`${lines.join("\n")}\n`);
  if (json) writeErrorRecord(error, io);
  return 2;
}

function writeErrorRecord(error: ClosurePackError, io: Io): void {
  const record = { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
  io.out(`${JSON.stringify({ error: record }, null, 2)}\n`);
}

// A command line that did not parse has no Command to ask: --json anywhere
// before "--" asks for the record.
function hasJsonFlag(argv: readonly string[]): boolean {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  return argv.slice(0, end).includes("--json");
}

function isJson(command: Command): boolean {
  return "json" in command && command.json === true;
}

/** The command's name as its --help is asked for: "invoke", "s3 cp". */
function commandName(command: Command): string {
  return "action" in command ? `${command.kind} ${command.action}` : command.kind;
}

function reportBug(error: unknown, io: Io): number {
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.err(
    `${stack}\n\nclosure-pack: this is a bug (an unexpected error, not a problem with your input); please report it with the command line that caused it\n`,
  );
  return 1;
}

// The AWS SDK warns once per process that its 2027 releases will need Node 22.
// closure-pack supports Node 20 (engines), and no command's user can act on the
// notice, so every command runs without it. A user's own setting wins.
function quietSdkNodeNotice(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}
