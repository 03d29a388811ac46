// Typed reads of a node whose kind another module made (a binding's context,
// a view's backing buffer): the dispatch table (kinds/table.ts) says what
// data each kind's nodes hold, so a kind check gives the data's type.
import type { GraphNode } from "../../walk/graph.js";
import type { KindData, KindName } from "../table.js";
import type { Walker } from "./walk-state.js";

export function isKind<K extends KindName>(node: GraphNode, kind: K): node is GraphNode<KindData<K>> {
  return node.kind === kind;
}

/** The data of `node`, which must be of kind `kind`. */
export function dataOf<K extends KindName>(node: GraphNode, kind: K): KindData<K> {
  if (!isKind(node, kind)) throw new Error(`internal: node ${node.id} is a ${node.kind} node, not a ${kind} node`);
  return node.data;
}

/** The walk's nodes of one kind, in walk order. */
export function nodesOf<K extends KindName>(walker: Walker, kind: K): readonly GraphNode<KindData<K>>[] {
  // nodesOfKind(kind) holds only nodes whose kind is `kind`.
  return walker.nodesOfKind(kind) as readonly GraphNode<KindData<K>>[];
}
