// The code of the program's functions, as content hashes the plan compares:
// closures serialized together (serialize-handlers.ts) and packed in
// parallel through the cache, archives zipped. A function that captured a
// value known only after apply gets UNKNOWN and is serialized again then.
import type { LambdaRuntime } from "@closure-pack/pack";
import { UNKNOWN } from "../core/brand.js";
import { resolveValue } from "../core/output.js";
import { describeResource } from "../errors.js";
import { archiveArtifact } from "./archive-zip.js";
import type { CodeCache } from "./code-cache.js";
import type { ProgramNode } from "./program.js";
import { serializeHandlers } from "./serialize-handlers.js";
import type { Values } from "./values.js";

export interface FunctionCode {
  hash: unknown;
  captured: Set<object>;
}

const PACK_CONCURRENCY = 4;

export async function functionCode(nodes: ProgramNode[], values: Values, cache: CodeCache): Promise<Map<string, FunctionCode>> {
  const result = new Map<string, FunctionCode>();
  const callbacks = nodes.filter((node) => node.descriptor.code?.kind === "callback");
  const serialized = await serializeHandlers(
    callbacks.map((node) => {
      const code = node.descriptor.code as { fn: Function; factory: boolean };
      return { key: node.key, name: node.descriptor.name, fn: code.fn, factory: code.factory };
    }),
    values,
  );
  const jobs = callbacks.map((node) => async () => {
    const done = serialized.get(node.key)!;
    const runtime = resolveValue(node.descriptor.inputs.runtime, values) as LambdaRuntime;
    const hash = done.unknown ? UNKNOWN : await cache.packSerialized(done.serialized, runtime);
    result.set(node.key, { hash, captured: done.captured });
  });
  for (const node of nodes.filter((n) => n.descriptor.code?.kind === "archive")) {
    jobs.push(async () => {
      const artifact = await archiveArtifact(
        (node.descriptor.code as { archive: object }).archive,
        node.descriptor.declaredAt || describeResource(node.descriptor.type, node.descriptor.name),
      );
      await cache.put(artifact);
      result.set(node.key, { hash: artifact.contentHash, captured: new Set() });
    });
  }
  await runLimited(jobs, PACK_CONCURRENCY);
  return result;
}

async function runLimited(jobs: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}
