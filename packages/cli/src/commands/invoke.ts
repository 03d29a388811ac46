// `closure-pack invoke <zip|dir> --event <file|->...`: runs the handler in the
// local Lambda runtime, once per event (times --repeat), in order, on one warm
// instance. Each response (or the function's error object) as JSON on stdout,
// the function's logs on stderr as they happen; exit 0 when every invocation
// succeeded, 1 when one failed.
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createFunction, formatLogRecord, provideAwsSdk, type InvokeResult, type LocalFunction, type LogRecord } from "@closure-pack/runtime";
import type { InvokeCommand } from "../args.js";
import type { Paint } from "../colors.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import { displayPath } from "../paths.js";

export async function runInvoke(command: InvokeCommand, io: Io): Promise<number> {
  // The code is checked before the event is read, as the arguments come.
  const code = resolve(io.cwd, command.code);
  const providedModules = provideAwsSdk([codeFolder(code), io.cwd, dirname(fileURLToPath(import.meta.url))]);
  const fn = await createFunction({
    name: command.name ?? functionName(command.code),
    code,
    codeName: displayPath(io.cwd, command.code),
    handler: command.handler,
    timeout: command.timeout,
    memorySize: command.memory,
    environment: command.env,
    concurrency: 1,
    ...(providedModules === undefined ? {} : { providedModules }),
    onLog: (record) => io.err(`${formatLog(record, io.errPaint)}\n`),
  });
  try {
    const events = await readEvents(command.events, io);
    const results = await invokeInOrder(fn, events, command.repeat, command.json ? undefined : (text) => io.out(text));
    if (command.json) io.out(`${JSON.stringify(results.map(answerOf), null, 2)}\n`);
    return results.every((result) => result.ok) ? 0 : 1;
  } finally {
    await fn.close();
  }
}

// One at a time: the function has one instance, kept warm between them.
// `print` gets each answer as it comes: one invocation's answer is printed
// indented, several one per line.
async function invokeInOrder(fn: LocalFunction, events: unknown[], repeat: number, print: ((text: string) => void) | undefined): Promise<InvokeResult[]> {
  const results: InvokeResult[] = [];
  const total = events.length * repeat;
  for (let round = 0; round < repeat; round += 1) {
    for (const event of events) {
      const result = await fn.invoke(event);
      results.push(result);
      print?.(`${JSON.stringify(answerOf(result), null, total === 1 ? 2 : undefined)}\n`);
    }
  }
  return results;
}

function answerOf(result: InvokeResult): unknown {
  return result.ok ? result.value : result.error;
}

/** Every event, read and parsed before the first invocation; stdin is read once however often "-" is given. */
async function readEvents(files: readonly string[], io: Io): Promise<unknown[]> {
  if (files.length === 0) return [{}];
  let stdin: Promise<unknown> | undefined;
  const events: unknown[] = [];
  for (const file of files) {
    if (file === "-") events.push(await (stdin ??= readEvent(file, io)));
    else events.push(await readEvent(file, io));
  }
  return events;
}

async function readEvent(file: string, io: Io): Promise<unknown> {
  const shown = file === "-" ? "stdin" : displayPath(io.cwd, file);
  let text: string;
  if (file === "-") {
    if (io.readStdin === undefined) throw new CliError("EVENT_NOT_FOUND", shown, "there is no stdin to read the event from");
    text = await io.readStdin();
  } else {
    try {
      text = readFileSync(resolve(io.cwd, file), "utf8");
    } catch (error) {
      throw new CliError("EVENT_NOT_FOUND", shown, "event file not found", { cause: error, hint: "write one with: closure-pack event s3-put > event.json" });
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError("INVALID_EVENT", shown, `the event is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// Lambda's runtimes include the AWS SDK v3. Functions get the project's copy
// (found from the code's folder or the working directory up: the version it
// was written against), then the one closure-pack itself depends on.
function codeFolder(code: string): string {
  return statSync(code, { throwIfNoEntry: false })?.isDirectory() === true ? code : dirname(code);
}

/** "out/my handler.zip" -> "my-handler": Lambda's name rules. */
function functionName(code: string): string {
  const base = basename(resolve(code), extname(code) === ".zip" ? ".zip" : "");
  const name = base.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 64);
  return name === "" || name === "-" ? "function" : name;
}

function formatLog(record: LogRecord, paint: Paint): string {
  const text = formatLogRecord(record);
  if (record.source === "platform") return paint.dim(text);
  return record.level === "ERROR" || record.level === "FATAL" ? paint.red(text) : record.level === "WARN" ? paint.yellow(text) : text;
}
