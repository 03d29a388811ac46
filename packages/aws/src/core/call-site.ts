// Where the user's program declared something: the first stack frame
// outside this package, as `file:line` relative to the working directory.
// Stacks of a program loaded by the CLI are source-mapped to its own files.
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const FRAME = /\(?((?:file:\/\/|\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/;

/** `index.ts:3` for the caller of the SDK; "" when no frame is the user's. */
export function callSite(): string {
  const stack = new Error().stack ?? "";
  const frames = stack
    .split("\n")
    .slice(1)
    .map(parseFrame)
    .filter((frame) => frame !== undefined);
  const own = frames[0]?.file;
  for (const frame of frames) {
    if (frame.file === own || isPackageFile(frame.file)) continue;
    const shown = relative(process.cwd(), frame.file).split(sep).join("/");
    return `${shown}:${frame.line}`;
  }
  return "";
}

function parseFrame(line: string): { file: string; line: number } | undefined {
  const match = FRAME.exec(line.trim());
  if (!match) return undefined;
  const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!) : match[1]!;
  return { file, line: Number(match[2]) };
}

// The SDK from source (tests) is several files; built, it is one bundle.
function isPackageFile(file: string): boolean {
  return /[\\/]packages[\\/]aws[\\/](src|dist)[\\/]/.test(file) || /[\\/]@closure-pack[\\/]aws[\\/]/.test(file);
}
