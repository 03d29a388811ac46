// Generator objects (sync and async). A suspended one holds a paused stack
// frame that cannot be recreated, so it is refused; a closed one is emitted
// as a fresh empty generator run to its end, given the original prototype.
// That prototype is usually `genFn.prototype`: when the generator function
// is captured too, it is reached through it so identity holds, which is
// only known once the whole graph is (the node defers itself).
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface GeneratorData {
  isAsync: boolean;
  generatorFunction: Function | undefined;
  proto: object | null;
  /** How the prototype is reached: a value, or `<function>.prototype`. */
  protoSource: { value: Slot } | { ownerPrototype: Slot } | undefined;
  tail: BuiltinTail;
}

function walkFirst(node: GraphNode, walker: Walker): GeneratorData {
  const generator = node.value as object;
  const { internal } = walker.inspector.internalsOf(generator);
  if (internal.get("[[GeneratorState]]")?.value !== "closed") {
    walker.refuse(
      node,
      "SUSPENDED_GENERATOR",
      "cannot serialize a suspended generator object",
      "capture the generator function and create the generator inside the handler",
    );
  }
  const remote = internal.get("[[GeneratorFunction]]");
  const [generatorFunction] = remote ? walker.inspector.liveValues([remote]) : [undefined];
  const proto = Object.getPrototypeOf(generator) as object | null;
  return {
    isAsync: typeof generatorFunction === "function" && types.isAsyncFunction(generatorFunction),
    generatorFunction: typeof generatorFunction === "function" ? generatorFunction : undefined,
    proto,
    protoSource: undefined,
    // The prototype is chosen later (chooseProto), except a null one.
    tail: walkBuiltinTail(node, walker, proto ?? Object.prototype),
  };
}

function chooseProto(node: GraphNode, data: GeneratorData, walker: Walker): void {
  const { proto, generatorFunction } = data;
  if (proto === null) return; // the tail sets a null prototype
  const ownPrototype = generatorFunction ? Reflect.getOwnPropertyDescriptor(generatorFunction, "prototype")?.value : undefined;
  if (proto === ownPrototype && !walker.has(proto) && walker.has(generatorFunction)) {
    data.protoSource = { ownerPrototype: walker.visit(node, generatorFunction, { label: ".[[GeneratorFunction]]" }, "fill") };
  } else {
    data.protoSource = { value: walker.visit(node, proto, { label: ".[[Prototype]]" }, "fill") };
  }
}

export const generatorKind: Kind<GeneratorData> = {
  walk(node: GraphNode<GeneratorData>, walker: Walker): void {
    if (node.data === undefined) node.data = walkFirst(node, walker);
    else chooseProto(node, node.data, walker);
    walker.defer(node);
  },
  emit(node: GraphNode<GeneratorData>, out: Emitter): void {
    const { isAsync, protoSource, tail } = node.data;
    const name = out.nameOf(node);
    out.declare(node, isAsync ? "(async function* () {})()" : "(function* () {})()");
    // Run to completion now: an empty body finishes synchronously, async too.
    out.statement(`${name}.next();`);
    if (protoSource && "value" in protoSource) {
      const slot = protoSource.value;
      out.whenReady([slot], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(slot)});`));
    } else if (protoSource) {
      const slot = protoSource.ownerPrototype;
      out.whenReady([slot], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(slot)}.prototype);`));
    }
    emitBuiltinTail(node, tail, out);
  },
};
