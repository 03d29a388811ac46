// Where the bootstrap (plain JS run by each instance) is shipped: bootstrap/
// beside src/ and dist/, one level up from this module in either.
import { fileURLToPath } from "node:url";

export function bootstrapDir(): string {
  return fileURLToPath(new URL("../bootstrap/", import.meta.url));
}

export function bootstrapFile(): string {
  return fileURLToPath(new URL("../bootstrap/bootstrap.mjs", import.meta.url));
}
