// Where the CLI writes and what it knows of its surroundings. main() takes an
// Io so the same code runs for the real process and, in tests, in memory.
import { createPaint, isColorAllowed, type Paint } from "./colors.js";

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Writes to stdout: results only, so --json and print stay machine-readable. */
  out(text: string): void;
  /** Writes to stderr: errors and warnings. */
  err(text: string): void;
  outPaint: Paint;
  errPaint: Paint;
  /** Reads all of stdin (`--event -`); absent where there is none. */
  readStdin?: () => Promise<string>;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    outPaint: createPaint(isColorAllowed(process.stdout, process.env)),
    errPaint: createPaint(isColorAllowed(process.stderr, process.env)),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
