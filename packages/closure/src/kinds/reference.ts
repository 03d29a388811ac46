// Values captured by reference, never copied: built-in globals (`Math.max`,
// `process.env`) read when the handler runs, and exports of node builtins and
// installed packages, re-required or imported in the output.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import type { ModuleReference } from "../inspect/module-index.js";
import { loadedFile } from "../inspect/package-specifier.js";
import { packageReach } from "../inspect/package-reach.js";
import { sep } from "node:path";
import { types } from "node:util";
import type { Kind } from "./table.js";

export const globalReferenceKind: Kind<string> = {
  walk(node: GraphNode<string>, walker: Walker): void {
    // Classified as a global because it has a path (kinds/classify.ts).
    node.data = walker.globals.pathOf(node.value)!;
  },
  emit(node: GraphNode<string>, out: Emitter): void {
    out.declare(node, node.data);
  },
};

export const moduleReferenceKind: Kind<ReferenceData> = {
  walk(node: GraphNode<ReferenceData>, walker: Walker): void {
    setReference(node, walker.modules.referenceOf(node.value) ?? walker.modules.referenceOfNamespace(node.value as object)!, walker);
  },
  emit(node: GraphNode<ReferenceData>, out: Emitter): void {
    const { reference, viaRequire } = node.data;
    if (viaRequire) return declareMember(node, out.importModule(reference.specifier, "require"), reference.path, out);
    if (out.format === "cjs" && reference.path.length === 0 && types.isModuleNamespaceObject(node.value)) {
      return out.declare(node, namespaceOf(out.importModule(reference.specifier, reference.style), node.value as object));
    }
    // ES module output imports the first step by name, so a bundler keeps
    // only the exports used (a whole-package import keeps all of them).
    const [first, ...rest] = reference.path;
    const named = out.format === "esm" && first !== undefined && /^[A-Za-z_$][\w$]*$/.test(first) && first !== "default";
    const local = named ? out.importModule(reference.specifier, reference.style, first) : out.importModule(reference.specifier, reference.style);
    declareMember(node, local, named ? rest : reference.path, out);
  },
};

/** Makes `node` a reference to `reference` (kinds/reference/fresh-check.ts may choose another route). */
export function setReference(node: GraphNode<ReferenceData>, reference: ModuleReference, walker: Walker): void {
  refuseUnreachable(node, reference, walker);
  node.data = { reference, viaRequire: loadsOtherFile(node, reference, walker) };
  node.module = reference.specifier;
}

/**
 * A value of a package the project cannot load by name (a dependency of a
 * dependency, installed under it), with no other route (the index prefers
 * one through the package that depends on it, express.Router rather than
 * router): `require("router")` where the copy runs would load nothing, or
 * another copy.
 */
function refuseUnreachable(node: GraphNode, reference: ModuleReference, walker: Walker): void {
  const reach = reference.file === undefined ? undefined : packageReach(reference.file);
  if (reach === undefined || reach.reachable) return;
  const where = reach.resolves === undefined ? `does not resolve from your project` : `loads another copy from your project (${reach.resolves})`;
  walker.refuse(
    node,
    "UNSUPPORTED_VALUE",
    `cannot serialize a reference to ${reference.specifier}: the value comes from ${reach.installed}, a package installed for another package, and require(${JSON.stringify(reach.name)}) ${where}`,
    `add ${reach.name} to your project's dependencies if one copy will do, or create the value inside the handler`,
  );
}

export interface ReferenceData {
  reference: ModuleReference;
  /** ES module output loads the package with require(): its import gives another file (a dual package's ES build). */
  viaRequire: boolean;
}

function declareMember(node: GraphNode, local: string, path: readonly string[], out: Emitter): void {
  if (path.length === 0) return out.alias(node, local);
  out.declare(node, `${local}${path.map(member).join("")}`);
}

/**
 * A reference loads the file the live value came from, whatever the output
 * format. A dual package loaded through require (a TypeScript handler
 * compiled to CommonJS importing date-fns) gives its CommonJS build, which an
 * ES module's import would not: that output requires it instead. The other
 * way round has no form: CommonJS output cannot load an ES build that
 * require() does not resolve to.
 */
function loadsOtherFile(node: GraphNode, reference: ModuleReference, walker: Walker): boolean {
  const file = reference.file;
  if (file === undefined) return false;
  const format = walker.options.format ?? "cjs";
  if (format === "esm" && reference.style === "commonjs") {
    const imported = loadedFile(file, reference.specifier, "import");
    return imported !== undefined && imported !== file;
  }
  if (format === "cjs" && reference.style === "namespace") {
    const required = loadedFile(file, reference.specifier, "require");
    if (required !== undefined && required !== file) {
      walker.refuse(
        node,
        "UNSUPPORTED_VALUE",
        `cannot serialize a reference to ${reference.specifier} as CommonJS: the value comes from its ES module build (${packageFile(reference.specifier, file)}), and require(${JSON.stringify(reference.specifier)}) loads ${packageFile(reference.specifier, required)}`,
        'serialize with format: "esm", or load the package with require() in the function\'s module',
      );
    }
  }
  return false;
}

/** `date-fns/index.cjs`: a file by its package's name, never this machine's path. */
function packageFile(specifier: string, file: string): string {
  const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  const at = file.lastIndexOf(`${sep}node_modules${sep}${name.split("/").join(sep)}${sep}`);
  return at < 0
    ? name
    : `${name}/${file
        .slice(at + name.length + 15)
        .split(sep)
        .join("/")}`;
}

/**
 * An ES module's namespace in CommonJS output: require() gives a namespace of
 * Node's own that adds `__esModule`, and import() is asynchronous. The copy
 * holds the original's exports, read from it, in a frozen null-prototype
 * object tagged "Module", as kinds/namespace.ts makes for project modules.
 */
function namespaceOf(required: string, namespace: object): string {
  const keys = Reflect.ownKeys(namespace).filter((key) => typeof key === "string");
  return `((m) => { const ns = { __proto__: null }; for (const k of ${JSON.stringify(keys)}) ns[k] = m[k]; Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" }); return Object.freeze(ns); })(${required})`;
}

function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
