// Packs a fixture in a child `node` (child-pack.cjs) and reads its result.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PackOptions, PackResult } from "../../src/index.js";
import { runChild } from "./children.js";

export interface PackRequest {
  /** "serialized": serializeFunction(fn, serializeOptions) in the child, then pack() of its result. */
  mode: "function" | "serialized" | "entry";
  serializeOptions?: { format?: "cjs" | "esm"; exportName?: string };
  /** Absolute path of the fixture module or entry file. */
  fixture: string;
  export?: string;
  options?: PackOptions;
  events?: unknown[];
  umask?: number;
  clockOffsetMs?: number;
}

/** What pack() returned in the child (its source map aside), and what the original handler answered. */
export type PackChildResult = Omit<PackResult, "sourcemap"> & {
  /** The original handler's results for the request's events, called after packing. */
  results: unknown[];
  ms: number;
};

export interface ChildPlace {
  cwd: string;
  scratchDir: string;
  env?: Record<string, string>;
}

/** Packs in a child; rejects with the child's known error (name, code, message) as an Error. */
export async function packInChild(request: PackRequest, place: ChildPlace): Promise<PackChildResult> {
  const zipPath = join(place.scratchDir, `pack-${Math.random().toString(36).slice(2)}.zip`);
  const result = await runChild<Omit<PackChildResult, "zip"> & { error?: { code: string; message: string } }>("child-pack.cjs", { ...request, zipPath }, place);
  if (result.error) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return { ...result, zip: readFileSync(zipPath) };
}
