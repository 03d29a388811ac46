// A CommonJS module's own `require`, captured when a function calls it. It is
// the output module's `require` at run time (a fresh one from createRequire in
// ES module output), never a copy of the loader's internals. Specifiers
// relative to the original file only resolve if the package ships that file.
import { createRequire } from "node:module";
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Kind } from "./table.js";

const loaderCache = createRequire(`${process.cwd()}/`).cache;

/** Whether a function is some module's `require` (they share the loader's cache). */
export function isRequireFunction(value: unknown): boolean {
  // A proxy's getOwnPropertyDescriptor trap must never run while serializing.
  if (typeof value !== "function" || types.isProxy(value)) return false;
  const cache = Reflect.getOwnPropertyDescriptor(value, "cache");
  return (
    cache !== undefined && "value" in cache && cache.value === loaderCache && typeof Reflect.getOwnPropertyDescriptor(value, "resolve")?.value === "function"
  );
}

export const requireKind: Kind<undefined> = {
  walk(): void {},
  emit(node: GraphNode<undefined>, out: Emitter): void {
    if (out.format === "cjs") return out.declare(node, "require");
    const local = out.importModule("node:module", "namespace");
    out.declare(node, `${local}.createRequire(import.meta.url)`);
  },
};
