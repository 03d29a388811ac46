// Proxies, rebuilt as `new Proxy(target, handler)` from the internal
// [[Target]] and [[Handler]] the inspector reads (no trap ever runs). A
// revoked proxy becomes a freshly revoked one: every operation throws.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import type { Kind } from "./table.js";

export type ProxyData = { revoked: false; target: Slot; handler: Slot } | { revoked: true; callable: boolean };

export const proxyKind: Kind<ProxyData> = {
  walk(node: GraphNode<ProxyData>, walker: Walker): void {
    const proxy = node.value as object;
    const { internal } = walker.inspector.internalsOf(proxy);
    if (internal.get("[[IsRevoked]]")?.value === true) {
      // typeof a revoked proxy still tells whether its target was callable.
      node.data = { revoked: true, callable: typeof proxy === "function" };
      return;
    }
    const [target, handler] = walker.inspector.liveValues([internal.get("[[Target]]")!, internal.get("[[Handler]]")!]);
    node.data = {
      revoked: false,
      target: walker.visit(node, target, { label: ".[[Target]]" }, "create"),
      handler: walker.visit(node, handler, { label: ".[[Handler]]" }, "create"),
    };
  },
  emit(node: GraphNode<ProxyData>, out: Emitter): void {
    const data = node.data;
    if (data.revoked) {
      const target = data.callable ? "function () {}" : "{}";
      out.declare(node, `(() => { const revocable = Proxy.revocable(${target}, {}); revocable.revoke(); return revocable.proxy; })()`);
      return;
    }
    out.declare(node, `new Proxy(${out.required(data.target, node)}, ${out.required(data.handler, node)})`);
  },
};
