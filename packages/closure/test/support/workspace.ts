// A fresh temp directory per case: `case/` holds the case module where the
// fixture packages resolve, `out/` holds the emitted module where only the
// packages the serializer listed resolve. Leaves spawning to spawn-child.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type SourceFormat = "cjs" | "esm";

export const supportDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(supportDir, "..", "..", "..", "..");
/** Read-only fixtures: local modules and fake packages under node_modules/. */
export const fixturesDir = join(repoRoot, "fixtures", "closure");
const fixturePackagesDir = join(fixturesDir, "node_modules");
/**
 * Installed packages a case may import besides the fixture packages: tslib
 * and the real packages the closure package pins as dev dependencies for its
 * round trips (zod, date-fns, lodash…).
 */
const rootPackages = [
  "tslib",
  ...Object.keys(
    (JSON.parse(readFileSync(join(supportDir, "..", "..", "package.json"), "utf8")) as { devDependencies?: Record<string, string> }).devDependencies ?? {},
  ),
];

export interface Workspace {
  root: string;
  caseDir: string;
  casePath: string;
  outDir: string;
  /** Removes the directory (kept when CLOSURE_PACK_KEEP_TMP is set, to debug). */
  dispose(): void;
}

/**
 * Writes `source` to `<tmp>/case/case.cjs|mjs`. From there `./fixtures/...`
 * reaches fixtures/closure and bare specifiers reach its fake packages (both
 * symlinks; node resolves them to their real paths inside the repository).
 */
export function createWorkspace(source: string, format: SourceFormat): Workspace {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "closure-pack-test-")));
  const caseDir = join(root, "case");
  const outDir = join(root, "out");
  mkdirSync(join(caseDir, "node_modules"), { recursive: true });
  mkdirSync(outDir);
  symlinkSync(fixturesDir, join(caseDir, "fixtures"), "dir");
  for (const [name, dir] of packageDirectories()) {
    mkdirSync(dirname(join(caseDir, "node_modules", name)), { recursive: true });
    symlinkSync(dir, join(caseDir, "node_modules", name), "dir");
  }
  const casePath = join(caseDir, format === "esm" ? "case.mjs" : "case.cjs");
  writeFileSync(casePath, source);
  return {
    root,
    caseDir,
    casePath,
    outDir,
    dispose: () => {
      if (!process.env["CLOSURE_PACK_KEEP_TMP"]) rmSync(root, { recursive: true, force: true });
    },
  };
}

const packageDirs = new Map<string, string>();

/** Package name → real directory, for every package a case may import. */
function packageDirectories(): ReadonlyMap<string, string> {
  if (packageDirs.size === 0) {
    for (const entry of existsSync(fixturePackagesDir) ? readdirSync(fixturePackagesDir) : []) {
      if (entry.startsWith(".")) continue;
      packageDirs.set(entry, join(fixturePackagesDir, entry));
    }
    for (const name of rootPackages) {
      const dir = join(repoRoot, "node_modules", name);
      if (existsSync(dir)) packageDirs.set(name, realpathSync(dir));
    }
  }
  return packageDirs;
}

/** Whether an installed package (e.g. tslib) can be imported by a case. */
export function isPackageAvailable(name: string): boolean {
  return packageDirectories().has(name);
}

/** `fake-greeter/shout` → `fake-greeter`; `@scope/pkg/x` → `@scope/pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/**
 * Links `out/node_modules/<pkg>` for each non-builtin module the text needs,
 * to where it resolves from the case. Returns the specifiers that resolve
 * nowhere (the copy will then fail to load, which the test reports).
 */
export function linkModules(workspace: Workspace, modules: readonly string[]): string[] {
  const missing: string[] = [];
  for (const specifier of modules) {
    if (isBuiltin(specifier)) continue;
    const name = packageName(specifier);
    // A package's own dependency (express's router) is installed at the root.
    const inCase = join(workspace.caseDir, "node_modules", name);
    const from = existsSync(inCase) ? inCase : join(repoRoot, "node_modules", name);
    const to = join(workspace.outDir, "node_modules", name);
    if (!existsSync(from)) {
      missing.push(specifier);
      continue;
    }
    if (existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(realpathSync(from), to, "dir");
  }
  return missing;
}
