// Values captured by reference, never copied: built-in globals (`Math.max`,
// `process.env`) read when the handler runs, and exports of node builtins and
// installed packages, re-required or imported in the output.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";
import type { ModuleReference } from "../inspect/module-index.js";

export const globalReferenceKind = {
  walk(node: GraphNode, walker: Walker): void {
    node.data = walker.globals.pathOf(node.value);
  },
  emit(node: GraphNode, out: Emitter): void {
    out.declare(node, node.data as string);
  },
};

export const moduleReferenceKind = {
  walk(node: GraphNode, walker: Walker): void {
    const reference = walker.modules.referenceOf(node.value) ?? walker.modules.referenceOfNamespace(node.value as object)!;
    node.data = reference;
    node.module = reference.specifier;
  },
  emit(node: GraphNode, out: Emitter): void {
    const reference = node.data as ModuleReference;
    // ES module output imports the first step by name, so a bundler keeps
    // only the exports used (a whole-package import keeps all of them).
    const [first, ...rest] = reference.path;
    const named = out.format === "esm" && first !== undefined && /^[A-Za-z_$][\w$]*$/.test(first) && first !== "default";
    const local = named ? out.importModule(reference.specifier, reference.style, first) : out.importModule(reference.specifier, reference.style);
    const path = named ? rest : reference.path;
    if (path.length === 0) return out.alias(node, local);
    out.declare(node, `${local}${path.map(member).join("")}`);
  },
};

function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
