// Which failures are the user's to fix (message alone, exit 1) and which are
// bugs (stack, exit 1): errors of the three packages with a stable code.
import { SerializationError } from "@closure-pack/closure";
import { PackError } from "@closure-pack/pack";
import { CliError } from "./errors.js";

export type KnownError = CliError | PackError | SerializationError;

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof CliError || error instanceof PackError || error instanceof SerializationError;
}
