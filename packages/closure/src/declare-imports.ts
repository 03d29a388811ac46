// declareModuleImports: a program that loads an ES module itself (the CLI
// loads the entry it compiled) can say which packages that module imports,
// so capturing its functions needs no debugger. Without it, the first capture
// of a function from an ES module enables the debugger to list the ES modules
// loaded so far: 60 ms in a small process, 150 ms with a few hundred scripts.
import { SerializationError } from "./errors.js";
import { functionLocation } from "./inspect/function-facts.js";
import { openInspector } from "./inspect/inspector.js";
import { moduleIndex } from "./inspect/module-index.js";

/**
 * Declares the packages an ES module imports statically, by the specifiers
 * its import statements use and the namespace objects those give
 * (`import * as ns from "date-fns"`). `probe` is any function defined in that
 * module: functions of the same module are then captured without listing
 * scripts, and their package values are referenced through these
 * specifiers. Values from packages it does not declare (a package it loads
 * with import()) are only recognised when the debugger lists them: declare
 * every static import, or none.
 */
export function declareModuleImports(probe: Function, imports: Readonly<Record<string, object>>): void {
  if (typeof probe !== "function") {
    throw new SerializationError("INVALID_OPTION", [], `declareModuleImports: probe must be a function defined in the module, got ${typeof probe}`);
  }
  for (const [specifier, namespace] of Object.entries(imports)) {
    if (typeof namespace !== "object" || namespace === null) {
      throw new SerializationError(
        "INVALID_OPTION",
        [],
        `declareModuleImports: the namespace of ${JSON.stringify(specifier)} must be an object, got ${namespace === null ? "null" : typeof namespace}`,
      );
    }
  }
  const inspector = openInspector();
  try {
    const location = functionLocation(inspector.internalsOf(probe).internal);
    if (location === undefined) {
      throw new SerializationError("INVALID_OPTION", [], "declareModuleImports: probe must be a function with source (not bound or native)");
    }
    moduleIndex().declareImports(location.scriptId, imports);
  } finally {
    inspector.releaseSoon();
  }
}
