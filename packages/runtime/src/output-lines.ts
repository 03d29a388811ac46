// Turns a child's stdout/stderr into log lines. The bootstrap writes console
// calls as Lambda does (`<time>\t<requestId>\t<LEVEL>\t<message>`, newlines
// inside a message as \r) and ends each invocation with a marker line on both
// streams, so the END line is only written after every line before it.
import type { LogLevel } from "./log-record.js";

/** Starts the marker line; the bootstrap writes it (bootstrap/console-log.mjs). */
export const END_MARKER = "\u001eclosure-pack:end\t";

export interface ParsedLine {
  timestamp: string;
  /** undefined when the line carries none (a raw write): the current invocation's. */
  requestId: string | null | undefined;
  level: LogLevel;
  message: string;
}

const CONSOLE_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t([^\t]*)\t(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\t/;

/** Splits chunks into lines; a marker anywhere in a line ends it (a raw write may lack its newline). */
export class LineSplitter {
  #partial = "";
  readonly #onLine: (line: string) => void;
  readonly #onMarker: (fields: string[]) => void;

  constructor(onLine: (line: string) => void, onMarker: (fields: string[]) => void) {
    this.#onLine = onLine;
    this.#onMarker = onMarker;
  }

  push(chunk: string): void {
    const lines = (this.#partial + chunk).split("\n");
    this.#partial = lines.pop() ?? "";
    for (const line of lines) this.#take(line);
  }

  /** The last line when the stream ended without a newline. */
  flush(): void {
    const rest = this.#partial;
    this.#partial = "";
    if (rest !== "") this.#take(rest);
  }

  #take(line: string): void {
    const at = line.indexOf(END_MARKER);
    if (at === -1) return this.#onLine(line);
    if (at > 0) this.#onLine(line.slice(0, at));
    this.#onMarker(line.slice(at + END_MARKER.length).split("\t"));
  }
}

/** A console line's fields, or the raw line at INFO (stdout) or ERROR (stderr) level. */
export function parseLine(line: string, source: "stdout" | "stderr", now: Date): ParsedLine {
  const match = CONSOLE_LINE.exec(line);
  if (match === null) return { timestamp: now.toISOString(), requestId: undefined, level: source === "stdout" ? "INFO" : "ERROR", message: line };
  const requestId = match[2] === "undefined" ? null : match[2]!;
  return { timestamp: match[1]!, requestId, level: match[3] as LogLevel, message: line.slice(match[0].length).replace(/\r/g, "\n") };
}
