// Which failures are the user's to fix (message alone, exit 1) and which are
// bugs (stack, exit 1): errors of the packages with a stable code.
import { SerializationError } from "@closure-pack/closure";
import { PackError } from "@closure-pack/pack";
import { RuntimeError } from "@closure-pack/runtime";
import { CliError } from "./errors.js";

export type KnownError = CliError | PackError | SerializationError | RuntimeError;

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof CliError || error instanceof PackError || error instanceof SerializationError || error instanceof RuntimeError;
}
