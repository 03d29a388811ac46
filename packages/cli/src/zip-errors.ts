// The packager reports a damaged zip without knowing its file name; the CLI
// does, and puts it where a message's <where> goes.
import { PackError } from "@closure-pack/pack";
import { CliError } from "./errors.js";

export async function withZipName<T>(shown: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PackError && error.code === "INVALID_ZIP" && !error.message.startsWith(`${shown}:`)) {
      throw new CliError("INVALID_ZIP", shown, error.message, { cause: error });
    }
    throw error;
  }
}
