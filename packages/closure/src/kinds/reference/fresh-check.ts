// A package reference is only as good as what the package gives when it
// loads fresh, where the copy runs. Code that ran before serializing may have
// changed it: zod fills a schema class's prototype on first construction,
// dayjs.extend(utc) adds dayjs.utc, new AWS.S3() creates S3.services[...],
// aws-sdk's main entry completes the object its lib/core module exports.
// Every package reference of a walk is compared with a fresh load
// (inspect/fresh-load.ts): a route whose value is missing or lacks keys the
// live one has gives way to another module exporting the same object, or is
// refused. Builtins are not checked: they always load the same.
import { freshShapes, type FreshRequest, type Shape } from "../../inspect/fresh-load.js";
import type { ModuleReference } from "../../inspect/module-index.js";
import type { Walker } from "../shared/walk-state.js";
import { setReference } from "../reference.js";
import { nodesOf } from "../shared/node-data.js";

const NODE_MODULES = /[\\/]node_modules[\\/]/;

/** Checks the package references of a finished walk against a fresh load; may refuse. */
export async function checkFreshLoads(walker: Walker): Promise<void> {
  const nodes = nodesOf(walker, "module").filter((node) => typeof node.value !== "symbol" && !node.module?.startsWith("node:"));
  if (nodes.length === 0) return;
  const references = nodes.map((node) => node.data.reference);
  const shapes = await freshShapes(references.map(requestOf));
  for (const [i, node] of nodes.entries()) {
    const problem = differenceOf(node.value, shapes[i]!);
    if (problem === undefined) continue;
    const alternatives = walker.modules.alternativesOf(references[i]!);
    const fresh = await freshShapes(alternatives.map(requestOf));
    const better = alternatives.find((_, k) => differenceOf(node.value, fresh[k]!) === undefined);
    if (better) {
      setReference(node, better, walker);
      continue;
    }
    const name = displayName(references[i]!);
    walker.refuse(
      node,
      "UNSUPPORTED_VALUE",
      `cannot serialize a reference to ${name}: ${problem(name)} when ${references[i]!.specifier} loads fresh (code that ran before serializing changed the package)`,
      "create the value inside the handler, or capture a factory (isFactoryFunction; callbackFactory in the SDK)",
    );
  }
}

function requestOf(reference: ModuleReference): FreshRequest {
  const file = reference.file;
  const match = file === undefined ? null : NODE_MODULES.exec(file);
  // The folder holding the package's node_modules: the project the copy is packed from.
  const dir = file !== undefined && match ? file.slice(0, match.index) : process.cwd();
  return { dir, specifier: reference.specifier, style: reference.style, path: reference.path };
}

/** What the fresh value lacks, as a phrase about `name`; undefined when it has what the live one has. */
function differenceOf(live: unknown, fresh: Shape): ((name: string) => string) | undefined {
  // The check itself failed (the module throws when loaded alone): nothing is known.
  if (fresh.type === "error") return undefined;
  const type = live === null ? "null" : typeof live;
  if (fresh.type === "missing" || fresh.type !== type) return () => "it does not exist";
  const missing = firstMissing(ownStringKeys(live as object), fresh.keys);
  if (missing !== undefined) return () => `it has no ${JSON.stringify(missing)}`;
  const prototype = typeof live === "function" ? Reflect.getOwnPropertyDescriptor(live, "prototype") : undefined;
  if (prototype && "value" in prototype && typeof prototype.value === "object" && prototype.value !== null) {
    const inherited = firstMissing(ownStringKeys(prototype.value as object), fresh.prototypeKeys);
    if (inherited !== undefined) return (name) => `${name}.prototype has no ${JSON.stringify(inherited)}`;
  }
  return undefined;
}

function ownStringKeys(value: object): string[] {
  return Reflect.ownKeys(value).filter((key): key is string => typeof key === "string");
}

function firstMissing(live: readonly string[], fresh: readonly string[] | undefined): string | undefined {
  if (fresh === undefined) return live[0];
  const have = new Set(fresh);
  return live.find((key) => !have.has(key));
}

/** `zod.ZodString.prototype`, `aws-sdk/clients/s3.js.services["2006-03-01"]`. */
function displayName(reference: ModuleReference): string {
  return `${reference.specifier}${reference.path.map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join("")}`;
}
