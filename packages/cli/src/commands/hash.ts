// `closure-pack hash <zip>`: codeSha256 (what AWS Lambda reports for a
// deployed function) and contentHash (what decides whether anything changed).
import { createHash } from "node:crypto";
import { codeSha256, contentHash, readZip } from "@closure-pack/pack";
import type { Io } from "../io.js";
import { displayPath } from "../paths.js";
import { readZipFile } from "../read-zip-file.js";
import { withZipName } from "../zip-errors.js";

export async function runHash(command: { zip: string; json: boolean }, io: Io): Promise<number> {
  const shown = displayPath(io.cwd, command.zip);
  const bytes = readZipFile(io.cwd, command.zip);
  const entries = await withZipName(shown, () => readZip(bytes));
  const files = entries.map((entry) => ({ path: entry.path, mode: entry.mode, sha256: createHash("sha256").update(entry.bytes).digest("hex") }));
  const record = { zip: shown, codeSha256: codeSha256(bytes), contentHash: contentHash(files), bytes: bytes.length, files: files.length };
  if (command.json) io.out(`${JSON.stringify(record, null, 2)}\n`);
  else io.out(`codeSha256  ${record.codeSha256}\ncontentHash ${record.contentHash}\n`);
  return 0;
}
