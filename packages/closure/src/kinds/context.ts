// Closure contexts. Each V8 context a captured function closes over becomes
// a factory in the output whose `let` bindings the function's unchanged
// source text reads and writes, so writes persist across calls and functions
// sharing a context share the bindings. Contexts nest like the original
// scopes; a binding holding an object is assigned through a setter once the
// object exists. Which copies of a scope are one context is decided by
// context-identity.ts; this file only places functions and emits factories.
import { isAbsolute } from "node:path";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { FunctionFacts, ScopeFacts } from "../inspect/function-facts.js";
import type { FunctionSyntax } from "../inspect/function-syntax.js";
import { contextKeyOf, heapKeysOf } from "./context/context-key.js";
import { heapChainOf, recordContextUse, type Walker } from "./shared/walk-state.js";
import { heritageOnlyNames } from "./function/class-heritage.js";
import type { Kind } from "./table.js";

export interface ContextData {
  scope: ScopeFacts;
  /** A context that binds nothing the output uses: its contents moved to its parent. */
  collapsed: boolean;
  /** The top scope of a script (a CommonJS module's wrapper, an ES module): one per script. */
  singleton: boolean;
  parent: GraphNode<ContextData> | undefined;
  /** A binding is inline source, or the node that assigns its value. */
  bindings: Map<string, Slot<BindingData>>;
  /** Inline bindings some function writes: set again once every value exists, since a class's static code may have run. */
  rewritten: Set<string>;
  /** Bindings some captured function assigns: they stay `let`. */
  written: Set<string>;
  /**
   * Bindings passed to the factory and declared `const` (decided when the
   * context is created): V8 then treats them as constants, as it did the
   * originals, so the copy runs as fast as the original.
   */
  passed: Map<string, string>;
  definers: Definer[];
  children: Array<GraphNode<ContextData>>;
}

export interface Definer {
  fn: GraphNode;
  /** The context whose factory defines the function; undefined: top level. */
  context: GraphNode<ContextData> | undefined;
  expression: string;
  /** Parameter names of the definer, e.g. ["__home"] for methods using super. */
  params: string[];
  /** A `function` definer gives an arrow its captured `this` and `arguments`. */
  style: "arrow" | "function";
}

export interface BindingData {
  context: GraphNode<ContextData>;
  name: string;
  value: GraphNode;
}

/** Where a function is defined: its innermost context with every binding it reads, if any. */
export function placeFunction(
  fnNode: GraphNode,
  facts: FunctionFacts,
  syntax: FunctionSyntax,
  walker: Walker,
  globals: Set<string>,
): GraphNode<ContextData> | undefined {
  withUserGlobals(facts, syntax, walker);
  const resolved = new Map<string, number>();
  const heritageOnly = heritageOnlyNames(syntax);
  const definitionTime = new Set(syntax.definitionTimeNames);
  for (const name of syntax.freeNames) {
    if (heritageOnly.has(name)) continue;
    // `arguments` of an enclosing function is passed when the function is created (kinds/function.ts).
    if (name === "arguments") continue;
    const index = facts.scopes.findIndex((scope) => scope.kind !== "global" && Object.hasOwn(scope.variables, name));
    if (index >= 0) resolved.set(name, index);
    else if (definitionTime.has(name) && !walker.globals.names.has(name) && !syntax.typeofOnlyNames.includes(name)) {
      walker.refuse(
        fnNode,
        "UNSUPPORTED_VALUE",
        `cannot serialize this class: defining it reads \`${name}\`, which V8 did not keep because no function uses it later`,
        `reference \`${name}\` from a method of the class, or use a literal property key`,
      );
    } else globals.add(name);
  }
  if (resolved.size === 0) return undefined;
  const innermost = Math.min(...resolved.values());
  const namesByScope = new Map<number, string[]>();
  for (const [name, index] of resolved) {
    const list = namesByScope.get(index);
    if (list) list.push(name);
    else namesByScope.set(index, [name]);
  }
  const chain = contextChain(fnNode, facts, innermost, walker, namesByScope);
  const written = new Set(syntax.writtenNames);
  for (const [name, index] of resolved) {
    const context = chain[index - innermost]!;
    bindInto(context, name, facts.scopes[index]!.variables[name], fnNode, walker, definitionTime.has(name), facts.location?.scriptId);
    if (written.has(name)) context.data.written.add(name);
    if (written.has(name) && syntax.form === "class") context.data.rewritten.add(name);
    recordContextUse(walker, context, fnNode, name, written.has(name));
  }
  fnNode.deps.push({ node: chain[0]!, timing: "create" });
  return chain[0];
}

/** Context nodes for scopes[from..], innermost first, created outermost first so keys nest. */
function contextChain(fnNode: GraphNode, facts: FunctionFacts, from: number, walker: Walker, names: Map<number, string[]>): Array<GraphNode<ContextData>> {
  const scopes = facts.scopes;
  let end = scopes.length;
  while (end > from && scopes[end - 1]!.kind === "global") end--;
  const chain: Array<GraphNode<ContextData>> = [];
  let parent: GraphNode<ContextData> | undefined;
  let parentKey = "";
  const links = heapChainOf(walker, fnNode.value as Function);
  const heapKeys = links ? heapKeysOf(scopes, links) : undefined;
  // Contexts below the script level belong to one script: functions of two
  // scripts never share them, whatever the values say.
  let inScript = false;
  for (let i = end - 1; i >= from; i--) {
    const scope = scopes[i]!;
    let outermost = false;
    if (!inScript && scope.kind !== "script") {
      inScript = true;
      outermost = true;
      parentKey = `${parentKey}@${facts.location?.scriptId ?? "?"}`;
    }
    if (scope.kind === "with") {
      walker.refuse(fnNode, "WITH_STATEMENT", "cannot serialize a function defined inside a `with` statement", "move the function out of the `with` block");
    }
    const key = heapKeys?.[i] ?? contextKeyOf(walker.state.scopes, parentKey, scope, names.get(i) ?? []);
    // A module's top scope exists once per loaded script: never two contexts
    // alike. An ES module's is "Module"; a CommonJS module's is its wrapper,
    // the outermost, anonymous "Closure" (a named outermost function may be
    // called more than once, so it does not count).
    const singleton = outermost && (scope.kind === "module" || (scope.kind === "closure" && scope.description === "Closure"));
    let created = false;
    const node = walker.synthetic("context", key, fnNode.path, contextHint(scope), () => {
      created = true;
      return newContext(scope, parent, singleton);
    });
    if (created && parent) {
      node.deps.push({ node: parent, timing: "create" });
      parent.data.children.push(node);
    }
    chain.unshift(node);
    parent = node;
    parentKey = key;
  }
  return chain;
}

function newContext(scope: ScopeFacts, parent: GraphNode<ContextData> | undefined, singleton: boolean): ContextData {
  return {
    scope,
    parent,
    bindings: new Map(),
    collapsed: false,
    singleton,
    rewritten: new Set(),
    written: new Set(),
    passed: new Map(),
    definers: [],
    children: [],
  };
}

function contextHint(scope: ScopeFacts): string {
  const owner = /\((.*)\)/.exec(scope.description)?.[1];
  return owner ? `${owner}_scope` : `${scope.kind}_scope`;
}

function bindInto(
  context: GraphNode<ContextData>,
  name: string,
  value: unknown,
  fnNode: GraphNode,
  walker: Walker,
  early: boolean,
  scriptId: string | undefined,
): void {
  const data = context.data;
  let slot = data.bindings.get(name);
  if (!slot) {
    // The path runs through the function that reads the binding, not the context's first user.
    const known = walker.has(value);
    const valueSlot = isModulePath(name, value)
      ? { node: walker.synthetic("module-path", `module-path:${name}`, fnNode.path.extend({ binding: name }), name, () => name) }
      : walker.visit(context, value, { binding: name }, "none", fnNode.path);
    // A refusal below this value looks up through the function that read it (serializeFunctions).
    if (valueSlot.node && !known) Object.assign(valueSlot.node, { via: fnNode, binding: { context, name, scriptId } });
    slot = valueSlot.node ? { node: bindingNode(context, name, valueSlot.node, fnNode, walker) } : valueSlot;
    data.bindings.set(name, slot);
  }
  if (slot.node) fnNode.deps.push({ node: slot.node, timing: early ? "create" : "fill" });
}

/** The node that assigns a binding's value once both it and the context exist. */
function bindingNode(context: GraphNode<ContextData>, name: string, value: GraphNode, fnNode: GraphNode, walker: Walker): GraphNode<BindingData> {
  const binding = walker.synthetic("binding", `${String(context.id)}:${name}`, fnNode.path.extend({ binding: name }), name, (): BindingData => ({
    context,
    name,
    value,
  }));
  binding.deps.push({ node: value, timing: "create" }, { node: context, timing: "create" });
  // Ordering only: values created before the context can be passed to its factory.
  context.deps.push({ node: value, timing: "fill" });
  return binding;
}

/** Registers the function's definer in its context. */
export function addDefiner(context: GraphNode<ContextData>, definer: Definer): void {
  definer.context = context;
  context.data.definers.push(definer);
}

/**
 * Contexts that bind nothing the output reads (a script scope, a block on
 * the way to a used one) add only nesting: their functions and child
 * contexts move to the nearest context that binds something, or to the top.
 */
export function collapseEmptyContexts(nodes: readonly GraphNode<ContextData>[]): void {
  for (const node of nodes) {
    if (node.kind !== "context") continue;
    const data = node.data;
    if (data.bindings.size > 0) continue;
    data.collapsed = true;
    const parent = data.parent;
    const parentData = parent?.data;
    for (const child of data.children) {
      child.data.parent = parent;
      retarget(child, node, parent);
      parentData?.children.push(child);
    }
    for (const definer of data.definers) {
      definer.context = parent;
      retarget(definer.fn, node, parent);
      parentData?.definers.push(definer);
    }
    if (parentData) parentData.children = parentData.children.filter((child) => child !== node);
    data.children = [];
    data.definers = [];
  }
}

/** Points `node`'s dependency on `from` at `to`, or drops it when there is no `to`. */
function retarget(node: GraphNode, from: GraphNode, to: GraphNode | undefined): void {
  const at = node.deps.findIndex((dep) => dep.node === from);
  if (at < 0) return;
  if (to) node.deps[at] = { node: to, timing: node.deps[at]!.timing };
  else node.deps.splice(at, 1);
}

export const contextKind: Kind<ContextData> = {
  walk(): void {},
  emit(node: GraphNode<ContextData>, out: Emitter): void {
    const data = node.data;
    if (data.collapsed) return out.markReady(node);
    const factory = data.parent ? `${out.nameOf(data.parent)}.${factoryKey(node, out)}` : factoryKey(node, out);
    const args: string[] = [];
    for (const [name, slot] of data.bindings) {
      if (!slot.node || data.written.has(name) || data.rewritten.has(name)) continue;
      const value = slot.node.data.value;
      if (!out.isReady({ node: value })) continue;
      data.passed.set(name, out.nameOf(value));
      args.push(out.nameOf(value));
    }
    out.declare(node, `${factory}(${args.join(", ")})`);
    for (const name of data.rewritten) {
      const slot = data.bindings.get(name)!;
      if (!slot.node) out.late(`${out.nameOf(node)}.$set.${name}(${slot.code});`);
    }
  },
};

export const bindingKind: Kind<BindingData> = {
  walk(): void {},
  emit(node: GraphNode<BindingData>, out: Emitter): void {
    const { context, name, value: valueNode } = node.data;
    if (context.data.passed.has(name)) return out.markReady(node);
    out.whenReady([{ node: context }, { node: valueNode }], () => {
      out.statement(`${out.nameOf(context)}.$set.${name}(${out.nameOf(valueNode)});`);
      out.markReady(node);
    });
  },
};

function factoryKey(node: GraphNode, out: Emitter): string {
  return `mk_${out.nameOf(node)}`;
}

/** Writes the factory declarations of every root context. */
export function emitFactories(roots: readonly GraphNode<ContextData>[], out: Emitter): void {
  for (const root of roots) {
    out.declaration(`function ${factoryKey(root, out)}(${factoryParams(root).join(", ")}) ${factoryBody(root, out, "", new Set())}`);
  }
}

function factoryBody(node: GraphNode<ContextData>, out: Emitter, indent: string, outer: ReadonlySet<string>): string {
  const data = node.data;
  const inner = `${indent}  `;
  const bound = shadowedGlobals(data, outer);
  const lines: string[] = ["{"];
  const params = factoryParams(node);
  const constants: string[] = [];
  const variables: string[] = [];
  let passedIndex = 0;
  for (const [name, slot] of data.bindings) {
    if (data.passed.has(name)) constants.push(`${name} = ${params[passedIndex++]}`);
    else if (slot.node || data.written.has(name) || data.rewritten.has(name)) variables.push(slot.node ? name : `${name} = ${literalIn(slot.code, bound)}`);
    else constants.push(`${name} = ${literalIn(slot.code, bound)}`);
  }
  if (constants.length > 0) lines.push(`${inner}const ${constants.join(", ")};`);
  if (variables.length > 0) lines.push(`${inner}let ${variables.join(", ")};`);
  const setterParam = uniqueParam(data.bindings);
  const setters = [...data.bindings]
    .filter(([name, slot]) => !data.passed.has(name) && (slot.node || data.rewritten.has(name)))
    .map(([name]) => `${name}(${setterParam}) { ${name} = ${setterParam}; }`);
  const members: string[] = setters.length > 0 ? [`$set: { ${setters.join(", ")} }`] : [];
  for (const definer of data.definers) {
    const params = definer.params.join(", ");
    members.push(
      definer.style === "arrow"
        ? `${out.nameOf(definer.fn)}: (${params}) => (${definer.expression})`
        : `${out.nameOf(definer.fn)}: function (${params}) { return (${definer.expression}); }`,
    );
  }
  for (const child of data.children) {
    members.push(`${factoryKey(child, out)}: (${factoryParams(child).join(", ")}) => ${factoryBody(child, out, `${inner}  `, bound)}`);
  }
  lines.push(`${inner}return {\n${members.map((m) => `${inner}  ${m}`).join(",\n")}\n${inner}};`);
  lines.push(`${indent}}`);
  return lines.join("\n");
}

// Literals that read a global: a binding of the same name (lodash's `var
// undefined;`, a local `NaN`) shadows it inside the factory and the ones
// nested in it, where `const undefined = undefined` would throw or read the
// local. Those literals are written in forms that read no name.
const GLOBAL_LITERALS: ReadonlyMap<string, [string, string]> = new Map([
  ["undefined", ["undefined", "void 0"]],
  ["NaN", ["NaN", "0 / 0"]],
  ["Infinity", ["Infinity", "1 / 0"]],
  ["-Infinity", ["Infinity", "-1 / 0"]],
]);

/** The global names of GLOBAL_LITERALS that this context or one around it binds. */
function shadowedGlobals(data: ContextData, outer: ReadonlySet<string>): ReadonlySet<string> {
  let names: Set<string> | undefined;
  for (const [global] of GLOBAL_LITERALS.values()) {
    if (data.bindings.has(global) && !outer.has(global)) (names ??= new Set(outer)).add(global);
  }
  return names ?? outer;
}

function literalIn(code: string, shadowed: ReadonlySet<string>): string {
  const safe = shadowed.size === 0 ? undefined : GLOBAL_LITERALS.get(code);
  return safe && shadowed.has(safe[0]) ? safe[1] : code;
}

function uniqueParam(bindings: Map<string, Slot>): string {
  let name = "$";
  while (bindings.has(name)) name += "$";
  return name;
}

/** Parameter names for passed bindings, `$0`, `$1`… clear of the context's own names. */
function factoryParams(node: GraphNode<ContextData>): string[] {
  const data = node.data;
  let prefix = "$";
  while ([...data.bindings.keys()].some((name) => name.startsWith(prefix))) prefix += "$";
  return [...data.passed.keys()].map((_, i) => `${prefix}${i}`);
}

/**
 * Globals the user's program defined (`globalThis.config = …`) do not exist
 * where the copy runs: they are captured by value, as if they were bindings
 * of one shared scope just inside the global one. Built-ins stay run-time
 * references. Reads the property descriptor, never a getter.
 */
function withUserGlobals(facts: FunctionFacts, syntax: FunctionSyntax, walker: Walker): void {
  const variables: Record<string, unknown> = Object.create(null);
  let found = false;
  for (const name of syntax.freeNames) {
    if (walker.globals.names.has(name) || facts.scopes.some((scope) => scope.kind !== "global" && Object.hasOwn(scope.variables, name))) continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(globalThis, name);
    if (!descriptor || !("value" in descriptor)) continue;
    variables[name] = descriptor.value;
    found = true;
  }
  if (!found) return;
  const at = facts.scopes.findIndex((scope) => scope.kind === "global");
  const scope: ScopeFacts = { kind: "script", description: "Global (user)", variables };
  facts.scopes.splice(at < 0 ? facts.scopes.length : at, 0, scope);
}

/** A CommonJS module's own `__filename`/`__dirname`: an absolute path of this machine. */
function isModulePath(name: string, value: unknown): boolean {
  return (name === "__filename" || name === "__dirname") && typeof value === "string" && isAbsolute(value);
}

/** `__filename`/`__dirname` are those of the emitted module where it runs, never this machine's paths. */
export const modulePathKind: Kind<string> = {
  walk(): void {},
  emit(node: GraphNode<string>, out: Emitter): void {
    const which = node.data;
    if (out.format === "cjs") return out.declare(node, which);
    out.declare(node, which === "__filename" ? "import.meta.filename" : "import.meta.dirname");
  },
};
