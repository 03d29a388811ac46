// URL and URLSearchParams, rebuilt from their string form. The searchParams
// of a URL stay linked to it: a captured `url.searchParams` is emitted as
// that expression on the copied URL (Node keeps the link in the private
// field #context, read through the inspector), so writes reach the URL.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import { stringLiteral } from "../walk/primitive.js";
import type { Kind } from "./table.js";

export interface UrlData {
  text: string;
  /** For URLSearchParams that belong to a URL: that URL. */
  owner: Slot | undefined;
  tail: BuiltinTail;
}

const hrefOf = Reflect.getOwnPropertyDescriptor(URL.prototype, "href")!.get!;

/** Own keys every instance has in this Node version (internal state, not user properties). */
let internalKeys: { url: Set<string | symbol>; params: Set<string | symbol> } | undefined;

function isInternal(kind: "url" | "params", key: string | symbol): boolean {
  internalKeys ??= {
    url: new Set(Reflect.ownKeys(new URL("http://a/?b"))),
    params: new Set(Reflect.ownKeys(new URLSearchParams("a"))),
  };
  return internalKeys[kind].has(key);
}

function ownerOf(node: GraphNode, walker: Walker): Slot | undefined {
  const context = walker.inspector.internalsOf(node.value as object).privates.find((field) => field.name === "#context");
  if (!context?.value || context.value.objectId === undefined) return undefined;
  const url = walker.inspector.liveValues([context.value])[0];
  return url instanceof URL ? walker.visit(node, url, { label: ".[[URL]]" }, "create") : undefined;
}

export const urlKind: Kind<UrlData> = {
  walk(node: GraphNode<UrlData>, walker: Walker): void {
    node.data = {
      text: hrefOf.call(node.value) as string,
      owner: undefined,
      tail: walkBuiltinTail(node, walker, URL.prototype, (key) => isInternal("url", key)),
    };
  },
  emit(node: GraphNode<UrlData>, out: Emitter): void {
    const { text, tail } = node.data;
    out.declare(node, `new URL(${stringLiteral(text)})`);
    emitBuiltinTail(node, tail, out);
  },
};

export const urlSearchParamsKind: Kind<UrlData> = {
  walk(node: GraphNode<UrlData>, walker: Walker): void {
    node.data = {
      text: URLSearchParams.prototype.toString.call(node.value),
      owner: ownerOf(node, walker),
      tail: walkBuiltinTail(node, walker, URLSearchParams.prototype, (key) => isInternal("params", key)),
    };
  },
  emit(node: GraphNode<UrlData>, out: Emitter): void {
    const { text, owner, tail } = node.data;
    out.declare(node, owner ? `${out.required(owner, node)}.searchParams` : `new URLSearchParams(${stringLiteral(text)})`);
    emitBuiltinTail(node, tail, out);
  },
};
