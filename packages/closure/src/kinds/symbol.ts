// Symbols: well-known ones by name, registered ones through Symbol.for, and
// unique symbols created once so every use shares their identity. A
// package's symbol is a module reference (inspect/module-index.ts); one the
// package keeps to itself cannot be made again, and is refused.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { inspectFunctions } from "../inspect/function-facts.js";
import { stringLiteral } from "../walk/primitive.js";
import type { Kind } from "./table.js";

const WELL_KNOWN = new Map<symbol, string>(
  Object.getOwnPropertyNames(Symbol)
    .filter((name) => typeof (Symbol as unknown as Record<string, unknown>)[name] === "symbol")
    .map((name) => [(Symbol as unknown as Record<string, symbol>)[name]!, `Symbol.${name}`]),
);

export const symbolKind: Kind<undefined> = {
  walk(): void {},
  emit(node: GraphNode<undefined>, out: Emitter): void {
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

const MAX_PACKAGE_FUNCTIONS = 500;

/**
 * A unique symbol the copy would create anew while a package function it
 * references closes over the original (a package keying its objects by a
 * symbol it does not export): that function would read nothing in the copy.
 * Looked for only when the walk has such symbols, in the scopes of the
 * npm package functions the graph references and of the methods of the
 * package objects and prototypes it references.
 */
export function refusePackageSymbols(walker: Walker): void {
  const symbols = new Map<unknown, GraphNode>();
  for (const node of walker.nodesOfKind("symbol")) {
    if (!WELL_KNOWN.has(node.value as symbol) && Symbol.keyFor(node.value as symbol) === undefined) symbols.set(node.value, node);
  }
  if (symbols.size === 0) return;
  const functions = packageFunctions(walker);
  const facts = inspectFunctions(walker.inspector, functions);
  facts.forEach((fact, i) => {
    for (const scope of fact.scopes) {
      if (scope.kind === "global") continue;
      for (const value of Object.values(scope.variables)) {
        const node = symbols.get(value);
        if (!node) continue;
        const specifier = walker.modules.referenceOf(functions[i])!.specifier;
        walker.refuse(
          node,
          "UNSUPPORTED_VALUE",
          `cannot serialize ${String(value)}: it belongs to package ${specifier}, which does not export it, and a new symbol is not the one its functions read`,
          "create the value inside the handler with the package's functions, or capture a factory",
        );
      }
    }
  });
}

function packageFunctions(walker: Walker): Function[] {
  const found = new Set<Function>();
  const add = (value: unknown): void => {
    if (typeof value === "function" && found.size < MAX_PACKAGE_FUNCTIONS && walker.modules.referenceOf(value) !== undefined) found.add(value);
  };
  for (const node of walker.nodesOfKind("module")) {
    // Node's own symbols (EventEmitter's kCapture on every emitter) stay as
    // they were: copied as new symbols, which those classes read as unset.
    if (typeof node.value === "symbol" || node.module?.startsWith("node:")) continue;
    add(node.value);
    if (typeof node.value !== "object" || node.value === null) continue;
    for (const key of Reflect.ownKeys(node.value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(node.value, key);
      if (found.size < MAX_PACKAGE_FUNCTIONS && descriptor && "value" in descriptor && typeof descriptor.value === "function")
        found.add(descriptor.value as Function);
    }
  }
  return [...found].filter((fn) => !/\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn)));
}
