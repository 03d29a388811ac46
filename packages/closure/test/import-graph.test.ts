// The import graph as the source files have it (workspace.test.ts checks the
// package.json side): a package's code imports only packages its package.json
// depends on (a devDependency is missing for whoever installs the package),
// other workspace packages only along the allowed graph, the README's list of
// package imports is the real one, and no folders inside a package import
// each other in a cycle, except the known cycles listed below by edge.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, folderEdges, packageOf, readImports, type SourceImport } from "./support/import-graph.js";
import { ALLOWED } from "./support/package-graph.js";
import { repoRoot } from "./support/workspace.js";

/**
 * Folder imports that close a cycle today, as `<package>: <from> -> <to>`.
 * Without them every package's folder graph is acyclic. Remove a row when its
 * cycle is gone (the test says so); never add one.
 */
const KNOWN_CYCLE_EDGES = [
  // protocols and services take server/aws-request.ts's request type, and the server routes to them
  "cloud: src/protocols -> src/server",
  "cloud: src/services -> src/server",
  // provider.ts uses engine/naming.ts, and engine/apply.ts drives the provider
  "aws: src/provider -> src/engine",
];

interface Workspace {
  folder: string;
  dir: string;
  name: string;
  dependencies: Set<string>;
  imports: SourceImport[];
}

const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { workspaces: string[] };
const workspaces: Workspace[] = rootManifest.workspaces.map((relativeDir) => {
  const dir = join(repoRoot, relativeDir);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; dependencies?: Record<string, string> };
  const folder = relativeDir.split("/").pop()!;
  return { folder, dir, name: manifest.name, dependencies: new Set(Object.keys(manifest.dependencies ?? {})), imports: readImports(dir) };
});
const folderOfName = new Map(workspaces.map((ws) => [ws.name, ws.folder]));

/** Workspace folders a package's code imports, sorted. */
function importedWorkspaces(ws: Workspace): string[] {
  const names = ws.imports.flatMap(({ specifier }) => {
    const folder = folderOfName.get(packageOf(specifier) ?? "");
    return folder !== undefined && folder !== ws.folder ? [folder] : [];
  });
  return [...new Set(names)].sort();
}

/** A package's folder edges (`src/walk -> src/kinds`) with the import that makes each. */
const folderGraphs = new Map(workspaces.map((ws) => [ws.folder, folderEdges(ws.dir, ws.imports)]));

/** The edges inside each cycle of a package's folders, `<package>: <from> -> <to>`. */
function cycleEdges(folder: string, edges: string[]): string[][] {
  return findCycles(edges).map((cycle) =>
    edges.filter((edge) => cycle.includes(edge.split(" -> ")[0]!) && cycle.includes(edge.split(" -> ")[1]!)).map((edge) => `${folder}: ${edge}`),
  );
}

/** The README's block of package imports, one `<package> -> <a>, <b>` line each. */
function readmeImports(): Record<string, string[]> {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const block = /<!-- imports:packages -->\n```\n([\s\S]*?)```\n<!-- \/imports:packages -->/.exec(readme);
  const lines = block?.[1]?.trim().split("\n") ?? [];
  return Object.fromEntries(
    lines.map((line) => {
      const [from, to] = line.split("->").map((part) => part.trim()) as [string, string];
      return [from, to === "(none)" ? [] : to.split(", ")];
    }),
  );
}

describe("import graph", () => {
  it.each(workspaces)("imports: $folder imports only what its package.json depends on", (ws) => {
    const undeclared = ws.imports.flatMap(({ file, specifier }) => {
      const name = packageOf(specifier);
      const declared = name === undefined || name === ws.name || ws.dependencies.has(name) || ws.dependencies.has(`@types/${name}`);
      return declared ? [] : [`${file} imports ${specifier}`];
    });
    expect(undeclared).toEqual([]);
  });

  it("imports: packages import each other along the allowed graph", () => {
    const wrong = workspaces.flatMap((ws) =>
      importedWorkspaces(ws)
        .filter((to) => !ALLOWED[ws.folder]?.includes(to))
        .map((to) => `${ws.folder} -> ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it("imports: the allowed package graph has no cycle", () => {
    const edges = Object.entries(ALLOWED).flatMap(([from, targets]) => targets.map((to) => `${from} -> ${to}`));
    expect(findCycles(edges)).toEqual([]);
  });

  it("imports: the README lists the packages each package imports", () => {
    const actual = Object.fromEntries(workspaces.map((ws) => [ws.folder, importedWorkspaces(ws)]));
    expect(readmeImports()).toEqual(actual);
  });

  it("imports: no folder cycle inside a package beyond the known ones", () => {
    const cycles = [...folderGraphs].flatMap(([folder, edges]) => {
      const rest = [...edges.keys()].filter((edge) => !KNOWN_CYCLE_EDGES.includes(`${folder}: ${edge}`));
      return cycleEdges(folder, rest).map((cycle) => cycle.map((edge) => `${edge} (${edges.get(edge.slice(folder.length + 2))})`));
    });
    expect(cycles).toEqual([]);
  });

  it("imports: every known folder cycle is still there", () => {
    const inCycle = new Set([...folderGraphs].flatMap(([folder, edges]) => cycleEdges(folder, [...edges.keys()]).flat()));
    const gone = KNOWN_CYCLE_EDGES.filter((edge) => !inCycle.has(edge));
    expect(gone.map((edge) => `${edge}: no longer closes a cycle, remove it from KNOWN_CYCLE_EDGES`)).toEqual([]);
  });
});
