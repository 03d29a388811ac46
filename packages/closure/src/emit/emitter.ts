// Collects the statements of the output program in dependency order. A value
// is declared once (`const name = …`); references to values not created yet
// are completed by statements queued until they are (cycles), and freezing
// runs after everything so late assignments still succeed.
import type { GraphNode, Slot } from "../walk/graph.js";
import { NameAllocator } from "./names.js";
import { circularDefinitionError } from "../errors.js";

export interface ModuleImport {
  specifier: string;
  /**
   * "namespace" for ESM modules and node builtins, "commonjs" for
   * module.exports objects, "require" for a package whose import would load
   * another file than require does (ES module output then requires it).
   */
  style: "namespace" | "commonjs" | "require";
  /** A named import (ESM output), so bundlers keep only what is used; undefined: the whole module. */
  name: string | undefined;
  local: string;
}

export class Emitter {
  readonly names: NameAllocator;
  readonly format: "cjs" | "esm";
  readonly #statements: string[] = [];
  readonly #finals: string[] = [];
  readonly #late: string[] = [];
  readonly #declarations: string[] = [];
  /** Which nodes exist yet, by node id (ids number a walk's nodes from 0). */
  #ready: Uint8Array;
  readonly #waiting = new Map<GraphNode, Array<() => void>>();
  readonly #imports = new Map<string, ModuleImport>();
  #current: GraphNode | undefined;

  constructor(format: "cjs" | "esm", reserved: ReadonlyArray<ReadonlySet<string>>, nodeCount = 0) {
    this.format = format;
    this.#ready = new Uint8Array(nodeCount);
    this.names = new NameAllocator(reserved);
  }

  /** The output identifier of a node, allocated on first use. */
  nameOf(node: GraphNode): string {
    if (node.name === "") node.name = this.names.allocate(node.hint);
    return node.name;
  }

  /** Source for a slot: its literal or its node's name. */
  expr(slot: Slot): string {
    return slot.node ? this.nameOf(slot.node) : slot.code;
  }

  isReady(slot: Slot): boolean {
    return !slot.node || this.#ready[slot.node.id] === 1;
  }

  isNodeReady(node: GraphNode): boolean {
    return this.#ready[node.id] === 1;
  }

  /** Source for a slot that must already exist (a creation-time dependency). */
  required(slot: Slot, from: GraphNode): string {
    if (!this.isReady(slot)) {
      throw circularDefinitionError(from.path.toArray());
    }
    return this.expr(slot);
  }

  /** Runs `write` as soon as every slot exists. */
  whenReady(slots: readonly Slot[], write: () => void): void {
    const missing = slots.find((slot) => !this.isReady(slot));
    if (!missing) return write();
    const owner = this.#current;
    const resume = () => this.#attributed(owner, () => this.whenReady(slots, write));
    const list = this.#waiting.get(missing.node!);
    if (list) list.push(resume);
    else this.#waiting.set(missing.node!, [resume]);
  }

  /** `const name = expression;` and the node exists from here on. */
  declare(node: GraphNode, expression: string): void {
    this.statement(`const ${this.nameOf(node)} = ${expression};`);
    this.markReady(node);
  }

  markReady(node: GraphNode): void {
    if (node.id >= this.#ready.length) this.#ready = grown(this.#ready, node.id);
    this.#ready[node.id] = 1;
    if (this.#waiting.size === 0) return;
    const waiting = this.#waiting.get(node);
    if (!waiting) return;
    this.#waiting.delete(node);
    for (const resume of waiting) resume();
  }

  statement(code: string): void {
    this.#statements.push(code);
    if (this.#current) this.#current.bytes += code.length + 1;
  }

  /** Runs after all statements, before finalisers: restores state that creating values disturbed. */
  late(code: string): void {
    this.#late.push(code);
  }

  /** Runs after all other statements (freezing, sealing). */
  final(code: string): void {
    this.#finals.push(code);
    if (this.#current) this.#current.bytes += code.length + 1;
  }

  /** A hoisted declaration placed before the statements (context factories). */
  declaration(code: string): void {
    this.#declarations.push(code);
  }

  /** The local name bound to a module specifier, or to one of its named exports. */
  importModule(specifier: string, style: ModuleImport["style"], name?: string): string {
    const key = `${specifier}\0${name ?? ""}`;
    let entry = this.#imports.get(key);
    if (!entry) {
      const hint =
        name ??
        specifier
          .replace(/^node:/, "")
          .replace(/^@/, "")
          .split(/[/@]/)
          .filter(Boolean)
          .join("_");
      entry = { specifier, style, name, local: this.names.allocate(hint) };
      this.#imports.set(key, entry);
    }
    return entry.local;
  }

  /** The node is another name for an existing binding: no statement, same name. */
  alias(node: GraphNode, local: string): void {
    if (node.name !== "") return this.declare(node, local);
    node.name = local;
    this.markReady(node);
  }

  /** Emits `node` through its kind, with its bytes attributed to it. */
  emitNode(node: GraphNode, kind: { emit(node: GraphNode, out: Emitter): void }): void {
    const previous = this.#current;
    this.#current = node;
    try {
      kind.emit(node, this);
    } finally {
      this.#current = previous;
    }
  }

  #attributed(node: GraphNode | undefined, write: () => void): void {
    const previous = this.#current;
    this.#current = node;
    try {
      write();
    } finally {
      this.#current = previous;
    }
  }

  /** Imports by specifier, then whole-module before named, then name: stable across runs. */
  imports(): ModuleImport[] {
    const order = (entry: ModuleImport): string => `${entry.specifier}\0${entry.name === undefined ? "" : `\u0001${entry.name}`}`;
    return [...this.#imports.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  }

  unresolved(): GraphNode[] {
    return [...this.#waiting.keys()];
  }

  body(): { declarations: readonly string[]; statements: readonly string[]; late: readonly string[]; finals: readonly string[] } {
    return { declarations: this.#declarations, statements: this.#statements, late: this.#late, finals: this.#finals };
  }
}

function grown(marks: Uint8Array, id: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(2 * marks.length, id + 1));
  bigger.set(marks);
  return bigger;
}
