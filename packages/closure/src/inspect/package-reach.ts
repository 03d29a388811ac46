// Whether the project can load an installed package the way a copy's
// reference will: by its bare name, resolved from the project folder (the
// one holding the outermost node_modules of the file) through node_modules
// folders up the tree, as Node and bundlers do. A package installed only for
// another package (node_modules/express/node_modules/router, a pnpm store)
// gives nothing that way, or another copy of it: a reference by its name
// would load nothing, or the wrong version, where the copy runs.
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export type Reach =
  | { reachable: true }
  | {
      reachable: false;
      name: string;
      /** Where the package the value came from is installed, relative to the project. */
      installed: string;
      /** What the name resolves to from the project instead, relative to it; undefined for nothing. */
      resolves: string | undefined;
    };

const NODE_MODULES = `${sep}node_modules${sep}`;
const known = new Map<string, Reach>();

/** How the project reaches the package of `file`; undefined for a file outside node_modules. */
export function packageReach(file: string): Reach | undefined {
  const first = file.indexOf(NODE_MODULES);
  if (first < 0) return undefined;
  const last = file.lastIndexOf(NODE_MODULES);
  const rest = file.slice(last + NODE_MODULES.length).split(sep);
  const nameParts = rest[0]?.startsWith("@") ? rest.slice(0, 2) : rest.slice(0, 1);
  const root = file.slice(0, last + NODE_MODULES.length) + nameParts.join(sep);
  let reach = known.get(root);
  if (reach === undefined) {
    reach = reachOf(file.slice(0, first), root, nameParts);
    known.set(root, reach);
  }
  return reach;
}

function reachOf(project: string, root: string, nameParts: readonly string[]): Reach {
  const found = resolveName(project, nameParts);
  if (found !== undefined && realpath(found) === realpath(root)) return { reachable: true };
  const shown = (path: string): string => relative(project, path).split(sep).join("/");
  return { reachable: false, name: nameParts.join("/"), installed: shown(root), resolves: found === undefined ? undefined : shown(found) };
}

/** The folder a bare package name resolves to from `dir`: the nearest node_modules holding it. */
function resolveName(dir: string, nameParts: readonly string[]): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, "node_modules", ...nameParts);
    if (existsSync(candidate)) return candidate;
    if (dirname(at) === at) return undefined;
  }
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
