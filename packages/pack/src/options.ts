// Checks PackOptions and fills in their defaults, so the rest of the package
// works from one complete, validated record.
import { resolve } from "node:path";
import { PackError } from "./errors.js";
import type { LambdaRuntime, PackOptions } from "./types.js";

export interface ResolvedPackOptions {
  runtime: LambdaRuntime;
  format: "cjs" | "esm";
  exportName: string;
  external: string[];
  bundleAwsSdk: boolean;
  minify: boolean;
  sourcemap: boolean;
  /** Absolute. */
  resolveDir: string;
}

/**
 * esbuild target of each Lambda runtime. esbuild reads "node20" as 20.0.0,
 * which has no import attributes: it dropped `with { type: "json" }` from an
 * external import, and Node 20.10+ then refuses the JSON. 20.10 is the
 * oldest Node 20 with them; every Node 22 has them.
 */
export const RUNTIME_TARGETS: Readonly<Record<LambdaRuntime, string>> = {
  "nodejs20.x": "node20.10",
  "nodejs22.x": "node22",
};

export const DEFAULT_RUNTIME: LambdaRuntime = "nodejs22.x";

export function resolvePackOptions(options: PackOptions = {}): ResolvedPackOptions {
  const runtime = options.runtime ?? DEFAULT_RUNTIME;
  if (!Object.hasOwn(RUNTIME_TARGETS, runtime)) {
    throw invalid("runtime", `must be ${quoteAll(Object.keys(RUNTIME_TARGETS))}`, runtime);
  }
  const format = options.format ?? "cjs";
  if (format !== "cjs" && format !== "esm") throw invalid("format", 'must be "cjs" or "esm"', format);
  const exportName = options.exportName ?? "handler";
  if (typeof exportName !== "string" || exportName === "") {
    throw invalid("exportName", "must be a non-empty string", exportName);
  }
  const external = options.external ?? [];
  if (!Array.isArray(external) || external.some((name) => typeof name !== "string" || name === "")) {
    throw invalid("external", "must be an array of module names", external);
  }
  return {
    runtime,
    format,
    exportName,
    external: [...external],
    bundleAwsSdk: options.bundleAwsSdk ?? false,
    minify: options.minify ?? true,
    sourcemap: options.sourcemap ?? false,
    resolveDir: resolve(options.resolveDir ?? process.cwd()),
  };
}

/** Output file name inside the zip for a format. */
export function outputFileName(format: "cjs" | "esm"): string {
  return format === "esm" ? "index.mjs" : "index.js";
}

function invalid(option: string, what: string, got: unknown): PackError {
  return new PackError("INVALID_OPTION", `option "${option}"`, `${what}, got ${JSON.stringify(got) ?? String(got)}`);
}

function quoteAll(values: string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : (quoted[0] ?? "");
}
