// Entry file to serialized module: load it, pick the export, serialize the
// live function. Shared by `closure-pack <entry>` and `closure-pack print`.
import { serializeFunction, type SerializedFunction } from "@closure-pack/closure";
import type { ModuleFormat } from "./args.js";
import { loadEntry } from "./load-entry.js";
import { pickExport } from "./pick-export.js";

export interface SerializeEntryOptions {
  entry: string;
  exportName: string;
  format: ModuleFormat;
  cwd: string;
}

/** The export serialized; whatever its name in the entry, the module exports it as "handler". */
export async function serializeEntry(options: SerializeEntryOptions): Promise<SerializedFunction> {
  const loaded = await loadEntry(options.entry, options.cwd);
  const fn = pickExport(loaded, options.exportName);
  return serializeFunction(fn, { exportName: "handler", format: options.format });
}
