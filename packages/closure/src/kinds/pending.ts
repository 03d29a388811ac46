// Built-in kinds not supported yet: each refuses with a clear error until its
// own module replaces the row in kinds/builtins.ts.
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";

export function unsupportedKind(what: string) {
  return {
    walk(node: GraphNode, walker: Walker): void {
      walker.refuse(node, "UNSUPPORTED_VALUE", `cannot serialize ${what} yet`);
    },
    emit(): void {},
  };
}
