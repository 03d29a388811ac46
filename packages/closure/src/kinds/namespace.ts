// ESM namespace objects that are not an installed package or a node builtin
// (those are references, kinds/reference.ts): refused, since a namespace
// cannot be rebuilt outside its module.
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";

export const namespaceKind = {
  walk(node: GraphNode, walker: Walker): void {
    walker.refuse(
      node,
      "UNSUPPORTED_VALUE",
      "cannot serialize a module namespace object",
      "import it from a package (or a node builtin), or capture the values you need from it",
    );
  },
  emit(): void {},
};
