// The module resolve hook provided-modules.mjs registers (it runs on Node's
// hooks thread): a bare specifier the normal resolution cannot find is
// resolved again as if imported from inside each NODE_PATH folder.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { addSdkHint } from "./provided-modules.mjs";

let parents = [];

export function initialize({ folders }) {
  // A file directly inside the folder: Node then looks in the folder itself.
  parents = folders.map((folder) => pathToFileURL(join(folder, "provided.js")).href);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !isBare(specifier)) throw error;
    for (const parentURL of parents) {
      try {
        return await nextResolve(specifier, { ...context, parentURL });
      } catch {
        // Not in this folder: the next, then the original error.
      }
    }
    addSdkHint(error, specifier);
    throw error;
  }
}

function isBare(specifier) {
  return !/^(\.{0,2}\/|[a-zA-Z][a-zA-Z\d+.-]*:)/.test(specifier);
}
