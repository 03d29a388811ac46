// The import graph read from the source files themselves: every import,
// export-from, require() and import() of each file a package builds or ships
// (src/, bootstrap/, bin/), read from TypeScript's syntax tree, and
// the graph of folders inside a package with its cycles. Used by
// import-graph.test.ts; the package graph allowed is in package-graph.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";

export interface SourceImport {
  /** The importing file, relative to its package's folder (src/kinds/index.ts). */
  file: string;
  specifier: string;
}

/** Folders of a package that hold code it builds or ships. */
const CODE_FOLDERS = ["src", "bootstrap", "bin"];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry) && !entry.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every module specifier in the package's code, file by file, in a stable order. */
export function readImports(packageDir: string): SourceImport[] {
  const files = CODE_FOLDERS.filter((folder) => existsSync(join(packageDir, folder))).flatMap((folder) => listFiles(join(packageDir, folder)));
  return files.sort().flatMap((path) => {
    const file = relative(packageDir, path).split(sep).join("/");
    return specifiersIn(path).map((specifier) => ({ file, specifier }));
  });
}

/** Module specifiers of import/export declarations, import("x") in code and types, require("x") and import x = require("x"). */
function specifiersIn(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => node && ts.isStringLiteralLike(node) && found.push(node.text);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) literal(node.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node) && isModuleCall(node.expression) && node.arguments.length >= 1) literal(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const isModuleCall = (callee: ts.Expression) => callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require");

const BUILTINS = new Set(builtinModules);

/** The package a bare specifier names (`@aws-sdk/client-s3/x` -> `@aws-sdk/client-s3`), or undefined for relative and builtin ones. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]!)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The folder a relative import reaches, relative to the package (`src/kinds`). */
export function folderOf(packageDir: string, item: SourceImport): string | undefined {
  if (!item.specifier.startsWith(".")) return undefined;
  const target = join(packageDir, dirname(item.file), item.specifier);
  const folder = existsSync(target) && statSync(target).isDirectory() ? target : dirname(target);
  return relative(packageDir, folder).split(sep).join("/");
}

const contains = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}/`);

/**
 * Edges between folders of one package (`src/walk -> src/kinds`), each with
 * the first import that makes it. A folder and the folders inside it are one
 * layer (a parent's index registers its children, the children use the
 * parent's shared types), so edges between them are not counted.
 */
export function folderEdges(packageDir: string, imports: SourceImport[]): Map<string, string> {
  const edges = new Map<string, string>();
  for (const item of imports) {
    const from = dirname(item.file);
    const to = folderOf(packageDir, item);
    if (to === undefined || contains(from, to) || contains(to, from)) continue;
    const edge = `${from} -> ${to}`;
    if (!edges.has(edge)) edges.set(edge, `${item.file} imports ${item.specifier}`);
  }
  return edges;
}

/** The strongly connected components of more than one folder, each sorted, in a stable order (Tarjan). */
export function findCycles(edges: Iterable<string>): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = edge.split(" -> ") as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
    if (!next.has(to)) next.set(to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const to of next.get(node)!) {
      if (!index.has(to)) visit(to);
      if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, low.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  [...next.keys()].sort().forEach((node) => index.has(node) || visit(node));
  return cycles.sort((a, b) => a.join().localeCompare(b.join()));
}
