// Compiles an entry file (TypeScript or JavaScript) into one module that Node
// can load: local files are bundled in, packages and builtins stay imports so
// they load from the user's node_modules (and the serializer can re-require
// them instead of copying). Compile errors become CliErrors at file:line:col.
import { existsSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join } from "node:path";
import { fromEsbuildLocation, packageName } from "@closure-pack/pack";
import { build, type BuildFailure, type Message, type Plugin } from "esbuild";
import type { ModuleFormat } from "./args.js";
import { CliError } from "./errors.js";

export interface CompileOptions {
  /** Absolute path of the entry. */
  entry: string;
  format: ModuleFormat;
  /** Where the compiled module will be written: its inline source map is relative to it. */
  outfile: string;
  /** Working directory: locations in errors are relative to it. */
  cwd: string;
}

/**
 * The export the compiled ES module gains: the namespaces of the packages it
 * imports, and a function defined in it (see declareModuleImports in
 * @closure-pack/closure, which spares the serializer the debugger's script
 * list, the largest part of a cold serialization).
 */
export const IMPORTS_EXPORT = "__closurePackImports";

export interface DeclaredImports {
  probe: Function;
  namespaces: Record<string, object>;
}

/** The compiled module's source text. */
export async function compileEntry(options: CompileOptions): Promise<string> {
  const imports = new Set<string>();
  try {
    const result = await build({
      entryPoints: [options.entry],
      outfile: options.outfile,
      absWorkingDir: options.cwd,
      write: false,
      bundle: true,
      platform: "node",
      format: options.format,
      // The running Node's exact version: "node20" alone means 20.0.0, for
      // which esbuild drops import attributes (with { type: "json" }).
      target: `node${process.versions.node}`,
      // Maps stack traces of code that throws while loading back to the entry.
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "silent",
      plugins: [packagesStayExternal(imports)],
    });
    const code = result.outputFiles[0]!.text;
    return options.format === "esm" ? declareImports(code, [...imports].sort()) : code;
  } catch (error) {
    if (isBuildFailure(error)) throw compileError(error.errors, options.cwd, error);
    throw error;
  }
}

const INNER = Symbol("closure-pack inner resolve");

/**
 * A bare specifier stays an import when a package of that name is installed
 * on the way up from the importer (Node's lookup); otherwise esbuild resolves
 * it (tsconfig paths, workspace aliases) and a failure is reported where the
 * import is written.
 */
function packagesStayExternal(imports: Set<string>): Plugin {
  return {
    name: "closure-pack:packages-stay-external",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./#]/ }, async (args) => {
        if ((args.pluginData as { [INNER]?: boolean } | undefined)?.[INNER]) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (isInstalled(args.path, args.resolveDir)) {
          // Only static imports: a namespace import of what import() loads later
          // would load it now. Not those with import attributes (JSON): the
          // namespace import would need them too.
          if (args.kind === "import-statement" && Object.keys(args.with).length === 0) imports.add(args.path);
          return { path: args.path, external: true };
        }
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { [INNER]: true },
        });
        if (resolved.errors.length === 0) return { path: resolved.path, external: resolved.external };
        const name = packageName(args.path);
        return {
          errors: [
            { text: `cannot resolve module "${args.path}"`, detail: { hint: `install it (npm install ${name}) in the entry's project, or fix the import` } },
          ],
        };
      });
    },
  };
}

/**
 * Appends `import * as` of each statically imported package (the same
 * modules, already loaded by the module's own imports: nothing new runs) and
 * the IMPORTS_EXPORT object, before the inline source map (existing lines
 * keep their mappings).
 */
function declareImports(code: string, specifiers: readonly string[]): string {
  const lines = specifiers.map((specifier, i) => `import * as __closure_pack_ns_${i} from ${JSON.stringify(specifier)};`);
  const entries = specifiers.map((specifier, i) => `${JSON.stringify(specifier)}: __closure_pack_ns_${i}`);
  lines.push(`export const ${IMPORTS_EXPORT} = { probe() {}, namespaces: { ${entries.join(", ")} } };`);
  const mapAt = code.lastIndexOf("//# sourceMappingURL=");
  const at = mapAt < 0 ? code.length : mapAt;
  return `${code.slice(0, at)}${lines.join("\n")}\n${code.slice(at)}`;
}

function isInstalled(specifier: string, fromDir: string): boolean {
  const name = packageName(specifier);
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name, "package.json")) || existsSync(join(dir, "node_modules", `${name}.js`))) return true;
    if (dirname(dir) === dir) return false;
  }
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);
}

/** The first message, with the count of the others (as the packager reports bundle errors). */
function compileError(messages: Message[], cwd: string, cause: unknown): CliError {
  const first = messages[0];
  if (first === undefined) return new CliError("COMPILE_ERROR", "", "esbuild failed without a message", { cause });
  const hint = (first.detail as { hint?: string } | undefined)?.hint;
  const code = hint ? "MODULE_NOT_FOUND" : "COMPILE_ERROR";
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more error${messages.length > 2 ? "s" : ""})` : "";
  const data = { cause, ...(hint ? { hint } : {}) };
  if (!first.location) return new CliError(code, "", `${first.text}${more}`, data);
  // esbuild ran in the working directory: its paths are already relative to it.
  const { file, line, column, excerpt } = fromEsbuildLocation(first.location, cwd, cwd);
  return new CliError(code, `${file}:${line}:${column}`, `${first.text}${more}${excerpt}`, { ...data, file, line, column });
}
