// Symbols: well-known ones by name, registered ones through Symbol.for, and
// unique symbols created once so every use shares their identity.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import { stringLiteral } from "./primitive.js";

const WELL_KNOWN = new Map<symbol, string>(
  Object.getOwnPropertyNames(Symbol)
    .filter((name) => typeof (Symbol as unknown as Record<string, unknown>)[name] === "symbol")
    .map((name) => [(Symbol as unknown as Record<string, symbol>)[name]!, `Symbol.${name}`]),
);

export const symbolKind = {
  walk(): void {},
  emit(node: GraphNode, out: Emitter): void {
    out.declare(node, symbolSource(node.value as symbol));
  },
};

function symbolSource(symbol: symbol): string {
  const wellKnown = WELL_KNOWN.get(symbol);
  if (wellKnown) return wellKnown;
  const registered = Symbol.keyFor(symbol);
  if (registered !== undefined) return `Symbol.for(${stringLiteral(registered)})`;
  return symbol.description === undefined ? "Symbol()" : `Symbol(${stringLiteral(symbol.description)})`;
}
