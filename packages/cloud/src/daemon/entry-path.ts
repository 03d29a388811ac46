// Where the daemon's entry is on disk, for whoever spawns it (the CLI, tests).
// Built beside the package's own bundle, so import.meta.url (dist/index.mjs,
// or dist/index.cjs through the build's define) finds it.
import { fileURLToPath } from "node:url";

/** The absolute path of the daemon's entry script (dist/daemon/main.mjs). */
export function daemonEntryPath(): string {
  return fileURLToPath(new URL("./daemon/main.mjs", import.meta.url));
}
