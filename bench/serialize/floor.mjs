// Floors: the least work any serializer must do on two workloads, timed the
// same way as the serializers (bench/serialize/child.mjs), so a target can be
// checked against what is possible at all on this machine.
// - object graph: read every object's own keys and property descriptors
//   (values must never be read through a getter), keep identity in a Map, and
//   write one declaration per object. No ordering, cycles, names, capture
//   paths, built-in checks or report: far less than a correct serializer does.
// - function chain: the one inspector call per function that reveals its
//   [[Scopes]] (Runtime.getProperties). V8 builds a copy of every scope of the
//   function, with all its variables, to answer it.
import { Session } from "node:inspector";

/** @param {object} root */
export function writeObjectGraph(root) {
  const ids = new Map([[root, 0]]);
  const queue = [root];
  const lines = [];
  for (let i = 0; i < queue.length; i++) {
    const object = queue[i];
    const entries = [];
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
      if (!("value" in descriptor)) throw new Error("floor: accessors are not part of this workload");
      entries.push(`${String(key)}: ${literalOf(descriptor.value, ids, queue)}`);
    }
    lines.push(`const o${i} = { ${entries.join(", ")} };`);
  }
  return lines.join("\n");
}

function literalOf(value, ids, queue) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object" || value === null) return String(value);
  let id = ids.get(value);
  if (id === undefined) {
    id = queue.length;
    ids.set(value, id);
    queue.push(value);
  }
  return `o${id}`;
}

const GROUP = "floor";
const SLOT = "__closurePackFloorSlot";

/** A same-thread inspector session with a synchronous post, as closure-pack uses. */
export function openInspector() {
  const session = new Session();
  session.connect();
  return (method, params) => {
    let result;
    let failure;
    session.post(method, params, (error, response) => {
      failure = error;
      result = response;
    });
    if (failure) throw failure;
    return result;
  };
}

/**
 * One Runtime.getProperties per function, after one call that hands over
 * the handles of all of them. Returns how many scope entries V8 listed.
 * @param {(method: string, params?: object) => any} post
 * @param {Function[]} functions
 */
export function readScopesOfAll(post, functions) {
  globalThis[SLOT] = functions;
  try {
    const list = post("Runtime.evaluate", { expression: `globalThis.${SLOT}`, objectGroup: GROUP }).result.objectId;
    const { result } = post("Runtime.getProperties", { objectId: list, ownProperties: true, objectGroup: GROUP });
    let scopes = 0;
    for (const property of result) {
      if (!/^\d+$/.test(property.name)) continue;
      const { internalProperties } = post("Runtime.getProperties", { objectId: property.value.objectId, ownProperties: true, objectGroup: GROUP });
      scopes += internalProperties.some((internal) => internal.name === "[[Scopes]]") ? 1 : 0;
    }
    return scopes;
  } finally {
    delete globalThis[SLOT];
    post("Runtime.releaseObjectGroup", { objectGroup: GROUP });
  }
}
