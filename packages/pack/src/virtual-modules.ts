// The modules closure-pack generates and serves to esbuild from memory (the
// serialized text, wrappers, node shims), and how to recognise their paths in
// esbuild's errors and metafile.
import type { Plugin } from "esbuild";

const VIRTUAL = /^closure-pack:/;

/**
 * True for a metafile or error path of a generated module: the stdin entry
 * (esbuild joins its `closure-pack:…` sourcefile to the resolve folder) and
 * the in-memory `closure-pack:` modules.
 */
export function isGeneratedPath(file: string): boolean {
  return file === "<stdin>" || /(?:^|\/)closure-pack:/.test(file);
}

/** Serves `closure-pack:*` specifiers from `modules`; their imports resolve from `resolveDir`. */
export function virtualModules(modules: Readonly<Record<string, string>>, resolveDir: string): Plugin {
  return {
    name: "closure-pack-virtual-modules",
    setup(build) {
      build.onResolve({ filter: VIRTUAL }, (args) => (Object.hasOwn(modules, args.path) ? { path: args.path, namespace: "closure-pack" } : undefined));
      build.onLoad({ filter: /.*/, namespace: "closure-pack" }, (args) => ({
        contents: modules[args.path] ?? "",
        loader: "js",
        resolveDir,
      }));
    },
  };
}
