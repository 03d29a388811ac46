// The rebuild protocol: an object whose class (or the object itself) has a
// [Symbol.for("closure-pack.rebuild")]() method is never copied. The method
// returns a recipe, `{ fn, args? }` or `{ module, export?, args?, construct? }`,
// and the output calls it once at load to make the value again. The recipe's
// function and arguments are walked like any capture; its module is imported.
import { isBuiltin } from "node:module";
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { constructorNameOf, prototypesOf } from "../inspect/prototype-chain.js";
import type { Kind } from "./table.js";

/** The key of the method: registered, so libraries need not import closure-pack to define it. */
export const REBUILD = Symbol.for("closure-pack.rebuild");
const METHOD = `[Symbol.for("closure-pack.rebuild")]()`;
const SHAPES = 'return { fn, args? } or { module, export?, args?, construct? } (see the README, "The rebuild protocol")';
const KEYS = new Set(["fn", "module", "export", "args", "construct"]);

export interface RebuiltData {
  /** A captured function to call, or a module export to import. */
  callee: { fn: Slot } | { module: string; export: string | undefined };
  args: Slot[];
  construct: boolean;
}

export interface RebuildRecipe {
  fn: Function | undefined;
  module: string | undefined;
  export: string | undefined;
  args: unknown[];
  construct: boolean;
}

/**
 * The rebuild method of an object, read by descriptor (no getter runs, no
 * proxy trap): its own, else the nearest on its prototype chain. Functions
 * never count: a class's static method is not its instances' recipe.
 */
export function rebuildMethodOf(value: unknown): Function | undefined {
  if (typeof value !== "object" || value === null || types.isProxy(value)) return undefined;
  const own = Reflect.getOwnPropertyDescriptor(value, REBUILD);
  if (own) return typeof own.value === "function" ? own.value : undefined;
  const first = Object.getPrototypeOf(value) as object | null;
  if (first === null) return undefined;
  let method = methodsByPrototype.get(first);
  if (method === undefined) {
    method = inheritedMethod(value);
    methodsByPrototype.set(first, method);
  }
  return method ?? undefined;
}

function inheritedMethod(value: object): Function | null {
  const chain = prototypesOf(value);
  for (const proto of chain) {
    const descriptor = Reflect.getOwnPropertyDescriptor(proto, REBUILD);
    if (descriptor) return typeof descriptor.value === "function" ? descriptor.value : null;
  }
  return isSdkCommand(value, chain) ? rebuildSdkCommand : null;
}

/**
 * An AWS SDK v3 command (`new GetObjectCommand(input)`): it keeps the input
 * it was made with, and its middleware stack is the package's business. The
 * SDK cannot carry the method, so closure-pack ships this recipe for it.
 * (A client keeps no such input: a module-level one is rebuilt from its
 * declaration, rebuild-from-module.ts.)
 */
function rebuildSdkCommand(this: { constructor: Function; input: unknown }): unknown {
  return { fn: this.constructor, args: [this.input], construct: true };
}

function isSdkCommand(value: object, chain: readonly object[]): boolean {
  if (!Object.hasOwn(value, "input") || !Object.hasOwn(value, "middlewareStack")) return false;
  return chain.some(
    (proto) => typeof Reflect.getOwnPropertyDescriptor(proto, "resolveMiddleware")?.value === "function" && Object.hasOwn(proto, "constructor"),
  );
}

// The answer depends on the prototype chain only, and a big graph has few
// chains. Kept for one serialization: a prototype may gain the method later.
let methodsByPrototype = new WeakMap<object, Function | null>();

/** Forgets rebuild methods found by prototype; serializeFunctions calls it first. */
export function forgetRebuildMethods(): void {
  methodsByPrototype = new WeakMap();
}

export const rebuiltKind: Kind<RebuiltData> = {
  walk(node: GraphNode<RebuiltData>, walker: Walker): void {
    const recipe = recipeOf(node, walker);
    if (recipe.args.includes(node.value)) {
      walker.refuse(node, "INVALID_REBUILD", `cannot rebuild ${describeOwner(node.value as object)}: its recipe's "args" hold the object itself`, SHAPES);
    }
    const args = recipe.args.map((arg, i) => walker.visit(node, arg, { label: `.[[Rebuild]].args[${i}]` }, "create"));
    const callee: RebuiltData["callee"] = recipe.fn
      ? { fn: walker.visit(node, recipe.fn, { label: ".[[Rebuild]].fn" }, "create") }
      : { module: recipe.module!, export: recipe.export };
    if ("module" in callee) node.module = callee.module;
    node.why = `its ${METHOD} recipe`;
    node.data = { callee, args, construct: recipe.construct };
  },
  emit(node: GraphNode<RebuiltData>, out: Emitter): void {
    const { callee, args, construct } = node.data;
    const list = args.map((arg) => out.required(arg, node)).join(", ");
    out.declare(node, `${construct ? "new " : ""}${calleeSource(callee, node, out)}(${list})`);
  },
};

function calleeSource(callee: RebuiltData["callee"], node: GraphNode, out: Emitter): string {
  if ("fn" in callee) return out.required(callee.fn, node);
  const name = callee.export;
  // Named: `import { S3Client } from …` in ES module output, which both
  // builds of a dual package have; the whole module only when no export is named.
  if (name === undefined) return out.importModule(callee.module, "commonjs");
  if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== "default") return out.importModule(callee.module, "namespace", name);
  return `${out.importModule(callee.module, "namespace")}[${JSON.stringify(name)}]`;
}

/**
 * Calls the rebuild method once per object per serializeFunctions call (a
 * second walk of the same object reuses the recipe) and checks its shape.
 */
function recipeOf(node: GraphNode, walker: Walker): RebuildRecipe {
  const recipes = walker.session.rebuildRecipes;
  const value = node.value as object;
  let recipe = recipes.get(value);
  if (!recipe) {
    recipe = checkRecipe(callMethod(node, walker), node, walker);
    recipes.set(value, recipe);
  }
  return recipe;
}

function callMethod(node: GraphNode, walker: Walker): unknown {
  const value = node.value as object;
  try {
    return rebuildMethodOf(value)!.call(value);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    walker.refuse(
      node,
      "REBUILD_FAILED",
      `cannot rebuild ${describeOwner(value)}: ${METHOD} threw ${what}`,
      "fix the rebuild method, or create the value inside the handler",
    );
  }
}

function checkRecipe(recipe: unknown, node: GraphNode, walker: Walker): RebuildRecipe {
  const invalid = (problem: string): never =>
    walker.refuse(node, "INVALID_REBUILD", `cannot rebuild ${describeOwner(node.value as object)}: ${METHOD} returned an invalid recipe: ${problem}`, SHAPES);
  if (typeof recipe !== "object" || recipe === null || types.isPromise(recipe)) {
    return invalid(`expected an object, got ${types.isPromise(recipe) ? "a Promise (the method must not be async)" : typeOf(recipe)}`);
  }
  const fields = recipe as Record<string, unknown>;
  const unknownKey = Object.keys(fields).find((key) => !KEYS.has(key));
  if (unknownKey !== undefined) invalid(`unknown field ${JSON.stringify(unknownKey)}`);
  const { fn, module, export: exportName, args, construct } = fields;
  if ((fn === undefined) === (module === undefined)) invalid(`exactly one of "fn" and "module" must be given`);
  if (fn !== undefined && typeof fn !== "function") invalid(`"fn" must be a function, got ${typeOf(fn)}`);
  if (module !== undefined && !isPackageSpecifier(module)) {
    invalid(`"module" must be the name of a package or node builtin, got ${typeof module === "string" ? JSON.stringify(module) : typeOf(module)}`);
  }
  if (fn !== undefined && exportName !== undefined) invalid(`"export" goes with "module", not "fn"`);
  if (exportName !== undefined && typeof exportName !== "string") invalid(`"export" must be a string, got ${typeOf(exportName)}`);
  if (args !== undefined && !Array.isArray(args)) invalid(`"args" must be an array, got ${typeOf(args)}`);
  if (construct !== undefined && typeof construct !== "boolean") invalid(`"construct" must be a boolean, got ${typeOf(construct)}`);
  return {
    fn: fn as Function | undefined,
    module: module as string | undefined,
    export: exportName as string | undefined,
    args: args === undefined ? [] : Array.from(args as unknown[]),
    construct: construct === true,
  };
}

/** A bare specifier (`pkg`, `@scope/pkg/sub`, `node:fs`): the output lives elsewhere, so no relative or absolute path. */
function isPackageSpecifier(value: unknown): boolean {
  if (typeof value !== "string" || value === "") return false;
  if (isBuiltin(value)) return true;
  return !/^(\.{1,2}(\/|$)|\/|[A-Za-z]:[\\/]|file:)/.test(value);
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value === "string" ? `string ${JSON.stringify(value)}` : typeof value;
}

/** "this S3Client", or "this object" when its class has no name. */
function describeOwner(value: object): string {
  const proto = Object.getPrototypeOf(value) as object | null;
  const { name } = proto === null ? { name: undefined } : constructorNameOf(proto);
  return typeof name === "string" && name !== "" && name !== "Object" ? `this ${name}` : "this object";
}
