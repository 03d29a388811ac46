// Values that cannot travel: live handles to the operating system or to
// native state. Refused with the capture path and a hint, never copied.
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";

interface Refusal {
  what: string;
  hint: string;
}

const CREATE_INSIDE = "create it inside the handler, or capture a factory function that creates it";

/** Constructors whose instances hold native state, found lazily by module. */
const HANDLE_TYPES: Array<[string, string, string]> = [
  ["net", "Socket", "a net.Socket"],
  ["net", "Server", "a net.Server"],
  ["http", "Server", "an http.Server"],
  ["http", "ClientRequest", "an http.ClientRequest"],
  ["http", "IncomingMessage", "an http.IncomingMessage"],
  ["http", "Agent", "an http.Agent"],
  ["tls", "TLSSocket", "a tls.TLSSocket"],
  ["dgram", "Socket", "a dgram.Socket"],
  ["child_process", "ChildProcess", "a child process"],
  ["worker_threads", "Worker", "a worker thread"],
  ["worker_threads", "MessagePort", "a MessagePort"],
  ["stream", "Stream", "a stream"],
  ["events", "EventEmitter", ""],
  ["fs", "FSWatcher", "an fs.FSWatcher"],
  ["readline", "Interface", "a readline interface"],
  ["zlib", "Gzip", "a zlib stream"],
  ["crypto", "Hash", "a crypto.Hash"],
  ["crypto", "Hmac", "a crypto.Hmac"],
  ["crypto", "Cipher", "a crypto cipher"],
  ["crypto", "Decipher", "a crypto decipher"],
  ["crypto", "Sign", "a crypto.Sign"],
  ["crypto", "Verify", "a crypto.Verify"],
  ["crypto", "KeyObject", "a crypto.KeyObject"],
];

function builtin(id: string): Record<string, unknown> | undefined {
  const load = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return load?.(id) as Record<string, unknown> | undefined;
}

/** Why a value cannot be serialized, or undefined if it can. */
export function refusalOf(value: object): Refusal | undefined {
  for (const [moduleId, exportName, what] of HANDLE_TYPES) {
    if (what === "") continue;
    const ctor = builtin(moduleId)?.[exportName];
    if (typeof ctor === "function" && value instanceof ctor) return { what, hint: CREATE_INSIDE };
  }
  if (hasConstructorNamed(value, "FileHandle")) return { what: "an fs FileHandle", hint: "open the file inside the handler" };
  return undefined;
}

/** Looks for a constructor by name along the prototype chain, reading descriptors only. */
function hasConstructorNamed(value: object, name: string): boolean {
  for (let proto = Object.getPrototypeOf(value) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const ctor = Reflect.getOwnPropertyDescriptor(proto, "constructor")?.value as unknown;
    if (typeof ctor === "function" && Reflect.getOwnPropertyDescriptor(ctor, "name")?.value === name) return true;
  }
  return false;
}

export const refusedKind = {
  walk(node: GraphNode, walker: Walker): void {
    const refusal = refusalOf(node.value as object)!;
    walker.refuse(node, "LIVE_HANDLE", `cannot serialize ${refusal.what}`, refusal.hint);
  },
  emit(): void {},
};
