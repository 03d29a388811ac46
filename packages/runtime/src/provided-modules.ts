// The AWS SDK as Lambda's Node.js runtimes provide it: a folder laid out as
// node_modules holding links to the @aws-sdk/* and @smithy/* packages
// installed in the places given (a project first, then closure-pack's own
// install), and nothing else, so a function never comes to depend on a
// package it forgot to bundle. Pass it as FunctionOptions.providedModules.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { defaultCacheDir } from "./code-cache.js";

// What the SDK v3 is made of: its clients and the Smithy packages they build on.
const SCOPES = ["@aws-sdk", "@smithy"];

/**
 * Builds (once per set of packages) `<cacheDir>/aws-sdk-<hash>/node_modules`
 * with a link to every @aws-sdk and @smithy package found in a node_modules
 * folder at or above each of `searchFrom`, the first found winning; returns
 * it, or undefined when none is installed anywhere. The cache folder's
 * ancestors must hold no node_modules (the default, under the system's temp
 * folder, holds none).
 */
export function provideAwsSdk(searchFrom: readonly string[], cacheDir = defaultCacheDir()): string | undefined {
  const packages = findPackages(searchFrom);
  if (packages.size === 0) return undefined;
  const entries = [...packages].sort(([a], [b]) => (a < b ? -1 : 1));
  const digest = createHash("sha256").update(JSON.stringify(entries)).digest("base64url").slice(0, 16);
  const folder = join(cacheDir, `aws-sdk-${digest}`);
  const modules = join(folder, "node_modules");
  if (existsSync(modules)) return modules;
  // Built beside its place, then renamed: another process either wins or finds it complete.
  const scratch = `${folder}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    for (const [name, target] of entries) {
      mkdirSync(dirname(join(scratch, "node_modules", name)), { recursive: true });
      symlinkSync(target, join(scratch, "node_modules", name), "dir");
    }
    renameSync(scratch, folder);
  } catch (error) {
    if (!existsSync(modules)) throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return modules;
}

/** Package name (`@aws-sdk/client-s3`) -> its real folder, the nearest install first. */
function findPackages(searchFrom: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const start of searchFrom) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      for (const scope of SCOPES) {
        const scopeDir = join(dir, "node_modules", scope);
        for (const name of safeReaddir(scopeDir)) {
          const key = `${scope}/${name}`;
          if (!found.has(key) && existsSync(join(scopeDir, name, "package.json"))) found.set(key, realpathSync(join(scopeDir, name)));
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
  return found;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
