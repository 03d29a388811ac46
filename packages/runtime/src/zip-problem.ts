// A zip the runtime cannot read, said in closure-pack's words: jszip's
// messages ("Corrupted zip ?", a link to its own documentation) name its
// internals, not what is wrong with the user's file.
import { RuntimeError } from "./errors.js";

const HINT = "a Lambda package is a zip file: make one with closure-pack <entry> -o <zip>, or check that the file was copied whole";

// jszip's message (its wording, version 3) -> what is wrong with the file.
const PROBLEMS: Array<[RegExp, string]> = [
  [/^Can't find end of central directory : is this a zip file/, "not a zip file"],
  [/can't find end of central directory|End of data reached/, "the zip is cut short (its end is missing)"],
  [/CRC32 mismatch|uncompressed data size mismatch/, "the zip is damaged: an entry's data does not match its recorded checksum or size"],
  [/^Encrypted zip/, "the zip is encrypted, which Lambda does not accept"],
  [/^Multi-volumes zip/, "the zip is split into volumes, which Lambda does not accept"],
  [/compression .* unknown/, "the zip uses a compression method Lambda does not accept (only stored and deflated entries)"],
];

/** INVALID_ZIP for `zip` (shown as `shown`), from the error reading it threw. */
export function invalidZip(shown: string, zip: Uint8Array, error: unknown): RuntimeError {
  const message = error instanceof Error ? error.message : String(error);
  const problem = zip.length === 0 ? "the file is empty, not a zip" : (PROBLEMS.find(([pattern]) => pattern.test(message))?.[1] ?? "the zip is damaged");
  return new RuntimeError("INVALID_ZIP", shown, problem, { hint: HINT, cause: error });
}
