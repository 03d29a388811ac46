// Module namespace objects that are not an installed package's or a node
// builtin's (those are references, kinds/reference.ts): the namespace of a
// module of the project, captured by value like the rest of the project's
// modules. The copy is what code can observe of a namespace: a frozen object
// with a null prototype, the exports in their (sorted) order, and
// Symbol.toStringTag "Module"; writes throw as they do on a namespace. Its
// values are those the exports held when serialized (as for named imports).
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { stringLiteral } from "../walk/primitive.js";
import type { Kind } from "./table.js";

export interface NamespaceData {
  exports: Array<{ key: string; value: Slot }>;
}

export const namespaceKind: Kind<NamespaceData> = {
  walk(node: GraphNode<NamespaceData>, walker: Walker): void {
    const namespace = node.value as Record<string, unknown>;
    const keys = Reflect.ownKeys(namespace).filter((key): key is string => typeof key === "string");
    const exports = keys.map((key) => ({ key, value: walker.visitProperty(node, exportValue(namespace, key, node, walker), key, "fill") }));
    node.data = { exports };
  },
  emit(node: GraphNode<NamespaceData>, out: Emitter): void {
    const { exports } = node.data;
    const name = out.nameOf(node);
    // Every key in the literal, in order; a value not made yet is assigned when it is.
    const entries = exports.map(({ key, value }) => `${keyLiteral(key)}: ${out.isReady(value) ? out.expr(value) : "undefined"}`);
    out.declare(node, `{ __proto__: null${entries.map((entry) => `, ${entry}`).join("")} }`);
    out.statement(`Object.defineProperty(${name}, Symbol.toStringTag, { value: "Module" });`);
    for (const { key, value } of exports) {
      if (!out.isReady(value)) out.whenReady([value], () => out.statement(`${name}[${stringLiteral(key)}] = ${out.expr(value)};`));
    }
    out.final(`Object.freeze(${name});`);
  },
};

/** An export's value; one still uninitialised (a cycle of imports) throws when read. */
function exportValue(namespace: Record<string, unknown>, key: string, node: GraphNode, walker: Walker): unknown {
  try {
    return namespace[key];
  } catch {
    return walker.refuse(
      node,
      "UNSUPPORTED_VALUE",
      `cannot serialize this module namespace object: its export ${JSON.stringify(key)} is not initialized yet`,
      "serialize once its module has finished evaluating (an import cycle or a pending top-level await leaves exports uninitialized)",
    );
  }
}

function keyLiteral(key: string): string {
  if (key === "__proto__") return `["__proto__"]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : stringLiteral(key);
}
