// `closure-pack diff <a.zip> <b.zip>`: files added, removed and changed. Exit
// 0 when equal, 1 when not. Errors exit 2 (main.ts), as diff(1) and cmp(1)
// do, so a script can tell "different" from "could not compare" (STYLE.md's
// exit 1 for known errors would make the two the same answer here).
import { diffZips, readZip, type ZipDiff } from "@closure-pack/pack";
import type { Io } from "../io.js";
import type { Paint } from "../colors.js";
import { formatBytes } from "../format.js";
import { displayPath } from "../paths.js";
import { readZipFile } from "../read-zip-file.js";
import { withZipName } from "../zip-errors.js";

export async function runDiff(command: { a: string; b: string; json: boolean; quiet: boolean }, io: Io): Promise<number> {
  const a = readZipFile(io.cwd, command.a);
  const b = readZipFile(io.cwd, command.b);
  // Read each once on its own first, so a damaged zip is named in the message.
  await withZipName(displayPath(io.cwd, command.a), () => readZip(a));
  await withZipName(displayPath(io.cwd, command.b), () => readZip(b));
  const diff = await diffZips(a, b);
  if (command.json) io.out(`${JSON.stringify({ a: displayPath(io.cwd, command.a), b: displayPath(io.cwd, command.b), ...diff }, null, 2)}\n`);
  else if (!command.quiet) io.out(formatDiff(diff, io.outPaint));
  return diff.equal ? 0 : 1;
}

function formatDiff(diff: ZipDiff, paint: Paint): string {
  if (diff.equal) return "same files: no entry added, removed or changed\n";
  const lines = [
    ...diff.added.map((path) => paint.green(`+ ${path}`)),
    ...diff.removed.map((path) => paint.red(`- ${path}`)),
    ...diff.changed.map((file) => paint.yellow(`~ ${file.path}  ${describeChange(file)}`)),
  ];
  return `${lines.join("\n")}\n`;
}

function describeChange(file: ZipDiff["changed"][number]): string {
  const parts: string[] = [];
  if (file.changes.includes("bytes")) parts.push(`${formatBytes(file.before.size)} -> ${formatBytes(file.after.size)}`);
  if (file.changes.includes("mode")) parts.push(`mode ${file.before.mode.toString(8)} -> ${file.after.mode.toString(8)}`);
  return parts.join(", ");
}
