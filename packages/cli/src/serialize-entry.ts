// Entry file to serialized module: load it, pick the export, serialize the
// live function. Shared by `closure-pack <entry>` and `closure-pack print`.
import { declareModuleImports, serializeFunction, type SerializedFunction } from "@closure-pack/closure";
import { IMPORTS_EXPORT, type DeclaredImports } from "./compile-entry.js";
import type { ModuleFormat } from "./args.js";
import { loadEntry } from "./load-entry.js";
import { pickExport } from "./pick-export.js";

export interface SerializeEntryOptions {
  entry: string;
  exportName: string;
  format: ModuleFormat;
  cwd: string;
  /** Seconds the entry may take to load. */
  loadTimeout: number;
}

/** The export serialized; whatever its name in the entry, the module exports it as "handler". */
export async function serializeEntry(options: SerializeEntryOptions): Promise<SerializedFunction> {
  const loaded = await loadEntry(options.entry, options.cwd, { seconds: options.loadTimeout, packing: true });
  const fn = pickExport(loaded, options.exportName);
  const declared = loaded.exports[IMPORTS_EXPORT] as DeclaredImports | undefined;
  if (declared !== undefined) declareModuleImports(declared.probe, declared.namespaces);
  return serializeFunction(fn, { exportName: "handler", format: options.format });
}
