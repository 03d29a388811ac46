// Turns the walked graph into module source: nodes are emitted in depth-first
// post-order of their dependencies (iteratively), then imports, hoisted
// declarations, statements, finalisers and the export are joined.
import type { GraphNode, Slot } from "../walk/graph.js";
import { circularDefinitionError } from "../errors.js";
import { Emitter, type ModuleImport } from "./emitter.js";
import { stringLiteral } from "../walk/primitive.js";

export interface KindEmitter {
  emit(node: GraphNode, out: Emitter): void;
}

export interface ProgramOptions {
  format: "cjs" | "esm";
  exportName: string;
  isFactoryFunction: boolean;
  reserved: ReadonlyArray<ReadonlySet<string>>;
  /** Called after all nodes are emitted, e.g. to write context factories. */
  finish: (out: Emitter) => void;
}

export function emitProgram(root: GraphNode, nodes: readonly GraphNode[], kinds: Readonly<Record<string, KindEmitter>>, options: ProgramOptions): string {
  const out = new Emitter(options.format, options.reserved, nodes.length);
  // A node whose creation needs a value not created yet (a cycle closed
  // through assignments, e.g. a class whose WeakMap holds its own instance)
  // waits for it instead of failing.
  const { order, creates } = postOrder(root, nodes);
  const kindsByName = new Map(Object.entries(kinds));
  for (const node of order) {
    const kind = kindsByName.get(node.kind)!;
    const deps = creates[node.id] === 1 ? creationDeps(node) : NO_SLOTS;
    if (deps.every((slot) => out.isReady(slot))) out.emitNode(node, kind);
    else out.whenReady(deps, () => out.emitNode(node, kind));
  }
  const stuck = out.unresolved()[0];
  if (stuck) {
    throw circularDefinitionError(stuck.path.toArray());
  }
  options.finish(out);
  return assemble(out, out.nameOf(root), options);
}

/** What must exist before `node` is created. */
function creationDeps(node: GraphNode): readonly Slot[] {
  const needed: Slot[] = [];
  for (const dep of node.deps) if (dep.timing === "create") needed.push({ node: dep.node });
  return needed;
}

const NO_SLOTS: readonly Slot[] = [];

/**
 * Dependencies before dependents; a dependency already on the path (a cycle)
 * is skipped. Starts from the root, then from every node not reached yet in
 * walk order (values walked without an ordering edge, like prototypes).
 * Node ids index the walk's nodes, so the marks are one byte per node;
 * `creates` marks the nodes with a creation-time dependency, noted while
 * their dependencies are at hand.
 */
function postOrder(root: GraphNode, nodes: readonly GraphNode[]): { order: GraphNode[]; creates: Uint8Array } {
  const order: GraphNode[] = [];
  const seen = new Uint8Array(nodes.length);
  const creates = new Uint8Array(nodes.length);
  const stack: GraphNode[] = [];
  const next: number[] = [];
  const visit = (start: GraphNode): void => {
    if (seen[start.id] === 1) return;
    seen[start.id] = 1;
    stack.push(start);
    next.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const at = next[top]!;
      if (at < node.deps.length) {
        next[top] = at + 1;
        const { node: dep, timing } = node.deps[at]!;
        if (timing === "create") creates[node.id] = 1;
        if (nodes[dep.id] !== dep) throw new Error(`internal: node ${dep.id} (${dep.kind}) is not one of the walk's nodes`);
        if (seen[dep.id] !== 1) {
          seen[dep.id] = 1;
          stack.push(dep);
          next.push(0);
        }
        continue;
      }
      stack.pop();
      next.pop();
      order.push(node);
    }
  };
  visit(root);
  for (const node of nodes) visit(node);
  return { order, creates };
}

function assemble(out: Emitter, rootName: string, options: ProgramOptions): string {
  const { declarations, statements, late, finals } = out.body();
  const value = options.isFactoryFunction ? `${rootName}()` : rootName;
  // concat, not push(...spread): a big graph has tens of thousands of statements.
  const lines = ['"use strict";'].concat(
    importLines(out.imports(), options.format),
    declarations,
    statements,
    late,
    finals,
    exportLine(options.exportName, value, options.format),
    "",
  );
  return lines.join("\n");
}

/** One line per whole-module import; named imports of one module share a line. */
function importLines(imports: readonly ModuleImport[], format: "cjs" | "esm"): string[] {
  const lines: string[] = [];
  const named = new Map<string, string[]>();
  const required = imports.filter((entry) => entry.style === "require");
  if (format === "esm" && required.length > 0) lines.push(`import { createRequire as ${CREATE_REQUIRE} } from "node:module";`);
  for (const entry of imports) {
    const from = stringLiteral(entry.specifier);
    if (entry.style === "require" && format === "esm") {
      lines.push(`const ${entry.local} = ${requireInEsm(from)};`);
      continue;
    }
    if (entry.name !== undefined) {
      const binding = entry.name === entry.local ? entry.name : `${entry.name} as ${entry.local}`;
      if (format === "cjs") lines.push(`const ${entry.local} = require(${from}).${entry.name};`);
      else named.set(from, [...(named.get(from) ?? []), binding]);
    } else if (format === "cjs") lines.push(`const ${entry.local} = require(${from});`);
    else lines.push(entry.style === "namespace" ? `import * as ${entry.local} from ${from};` : `import ${entry.local} from ${from};`);
  }
  for (const [from, bindings] of named) lines.push(`import { ${bindings.join(", ")} } from ${from};`);
  return lines;
}

const CREATE_REQUIRE = "__closure_pack_createRequire";

/**
 * require() from ES module text: a bundler sees the call to a free `require`
 * and bundles the file require resolves to (the bundle defines one); plain
 * Node has no `require` in an ES module and takes createRequire's.
 */
function requireInEsm(from: string): string {
  return `typeof require === "function" ? require(${from}) : ${CREATE_REQUIRE}(import.meta.url)(${from})`;
}

function exportLine(exportName: string, value: string, format: "cjs" | "esm"): string {
  const identifier = /^[A-Za-z_$][\w$]*$/.test(exportName);
  if (format === "cjs") {
    return identifier ? `exports.${exportName} = ${value};` : `exports[${stringLiteral(exportName)}] = ${value};`;
  }
  const local = "__closure_pack_export";
  const name = identifier ? exportName : stringLiteral(exportName);
  return `const ${local} = ${value};\nexport { ${local} as ${name} };`;
}
