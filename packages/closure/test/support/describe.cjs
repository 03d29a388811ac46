"use strict";
// describeValue(value): a JSON-comparable description of what a probe returned,
// used by both child processes (and by the test worker for plain expected
// values). Faithful where JSON is not (NaN, -0, bigint, symbols, lone
// surrogates, holes, descriptors, prototypes, identity) and deterministic:
// the walk is an iterative pre-order DFS, so shared references and cycles are
// named by the path of their first occurrence and depth costs no stack.
// It never invokes a user getter: accessors appear as "getter"/"setter".

const { types } = require("node:util");

const WELL_KNOWN_SYMBOLS = new Map(
  Object.getOwnPropertyNames(Symbol)
    .filter((key) => typeof Symbol[key] === "symbol")
    .map((key) => [Symbol[key], key]),
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_NODES = 2_000_000;

// Intrinsic accessors, called directly so a subclass or an own property of the
// described value cannot change what we read.
const getter = (proto, key) => Object.getOwnPropertyDescriptor(proto, key).get;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = getter(typedArrayProto, Symbol.toStringTag);
const typedArrayLength = getter(typedArrayProto, "length");
const typedArrayOffset = getter(typedArrayProto, "byteOffset");
const typedArrayBuffer = getter(typedArrayProto, "buffer");
const regexpSource = getter(RegExp.prototype, "source");
const regexpFlags = getter(RegExp.prototype, "flags");
const arrayBufferLength = getter(ArrayBuffer.prototype, "byteLength");
const dataViewBuffer = getter(DataView.prototype, "buffer");
const dataViewOffset = getter(DataView.prototype, "byteOffset");
const dataViewLength = getter(DataView.prototype, "byteLength");
const urlHref = getter(URL.prototype, "href");

/** Describes `root`; async because promises are awaited (after the sync walk). */
async function describeValue(root) {
  const state = { seen: new Map(), promises: [], count: 0 };
  const holder = {};
  const stack = [{ value: root, path: "$", assign: (node) => (holder.node = node) }];
  for (;;) {
    while (stack.length > 0) {
      const task = stack.pop();
      task.assign(describeOne(task.value, task.path, stack, state));
    }
    if (state.promises.length === 0) break;
    const batch = state.promises.splice(0);
    const settled = await Promise.all(batch.map(({ promise }) => settle(promise)));
    // Reverse so the first promise's value is walked first (pre-order).
    for (let i = batch.length - 1; i >= 0; i--) {
      const { node, path } = batch[i];
      const outcome = settled[i];
      node.state = outcome.state;
      if (outcome.state === "pending") continue;
      stack.push({ value: outcome.value, path: `${path}.<${outcome.state}>`, assign: (n) => (node.value = n) });
    }
  }
  return holder.node;
}

function settle(promise) {
  return new Promise((resolve) => {
    let done = false;
    Promise.prototype.then.call(
      promise,
      (value) => ((done = true), resolve({ state: "fulfilled", value })),
      (value) => ((done = true), resolve({ state: "rejected", value })),
    );
    // Every already-settled promise reacts in a microtask, before setImmediate.
    setImmediate(() => done || resolve({ state: "pending" }));
  });
}

function describeOne(value, path, stack, state) {
  if (++state.count > MAX_NODES) throw new Error(`describeValue: more than ${MAX_NODES} nodes`);
  switch (typeof value) {
    case "undefined":
      return { type: "undefined" };
    case "boolean":
      return { type: "boolean", value };
    case "number":
      return { type: "number", value: describeNumber(value) };
    case "bigint":
      return { type: "bigint", value: value.toString() };
    case "string":
      return describeString(value);
    case "symbol":
      return describeSymbol(value, path, state);
  }
  if (value === null) return { type: "null" };
  const first = state.seen.get(value);
  if (first !== undefined) return { ref: first };
  state.seen.set(value, path);
  try {
    return describeObject(value, path, stack, state);
  } catch (error) {
    return { type: "object", describeError: String(error && error.message) };
  }
}

function describeNumber(n) {
  if (Number.isNaN(n)) return "NaN";
  if (Object.is(n, -0)) return "-0";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  return n;
}

function describeString(s) {
  if (isWellFormed(s)) return { type: "string", value: s };
  const codeUnits = [];
  for (let i = 0; i < s.length; i++) codeUnits.push(s.charCodeAt(i));
  return { type: "string", codeUnits };
}

function isWellFormed(s) {
  return typeof s.isWellFormed === "function" ? s.isWellFormed() : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/.test(s);
}

function describeSymbol(sym, path, state) {
  const key = Symbol.keyFor(sym);
  if (key !== undefined) return { type: "symbol", registered: key };
  const wellKnown = WELL_KNOWN_SYMBOLS.get(sym);
  if (wellKnown !== undefined) return { type: "symbol", wellKnown };
  // Unique symbols have identity: a second occurrence refers to the first.
  const first = state.seen.get(sym);
  if (first !== undefined) return { ref: first };
  state.seen.set(sym, path);
  return sym.description === undefined ? { type: "symbol", unique: true } : { type: "symbol", unique: true, description: sym.description };
}

function describeObject(obj, path, stack, state) {
  const node = { type: typeof obj === "function" ? "function" : "object" };
  if (types.isProxy(obj)) node.proxy = true;
  node.proto = prototypeChain(obj);
  node.integrity = Object.isFrozen(obj) ? "frozen" : Object.isSealed(obj) ? "sealed" : Object.isExtensible(obj) ? "extensible" : "non-extensible";
  const children = [];
  const skipKey = describeKind(obj, node, path, children);
  node.props = [];
  for (const [index, key] of Reflect.ownKeys(obj).entries()) {
    if (skipKey(key)) continue;
    const desc = Reflect.getOwnPropertyDescriptor(obj, key);
    if (desc === undefined) continue;
    const prop = {};
    if (typeof key === "symbol") {
      children.push({ value: key, path: `${path}[@key${index}]`, assign: (n) => (prop.key = n) });
    } else {
      prop.key = key;
    }
    const flags = (desc.writable ? "w" : "") + (desc.enumerable ? "e" : "") + (desc.configurable ? "c" : "");
    if ("value" in desc) {
      if (flags !== "wec") prop.flags = flags;
      const childPath = typeof key === "symbol" ? `${path}[@${index}]` : propertyPath(path, key);
      children.push({ value: desc.value, path: childPath, assign: (n) => (prop.value = n) });
    } else {
      prop.flags = flags;
      prop.get = desc.get === undefined ? null : "getter";
      prop.set = desc.set === undefined ? null : "setter";
    }
    node.props.push(prop);
  }
  if (types.isPromise(obj)) state.promises.push({ promise: obj, node, path });
  // Push in reverse so the first child is described next (pre-order DFS).
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  return node;
}

function propertyPath(path, key) {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Fills kind-specific fields; returns a predicate for own keys to leave out. */
function describeKind(obj, node, path, children) {
  const none = () => false;
  const child = (value, suffix, assign) => children.push({ value, path: path + suffix, assign });
  if (typeof obj === "function") {
    describeFunction(obj, node);
    // Sloppy functions have own `arguments`/`caller`; the strict-mode copy cannot.
    return (key) => key === "arguments" || key === "caller";
  }
  if (Array.isArray(obj)) {
    node.kind = "Array";
    return none;
  }
  if (types.isMap(obj)) {
    node.kind = "Map";
    node.entries = [];
    let i = 0;
    for (const [k, v] of Map.prototype.entries.call(obj)) {
      const entry = [null, null];
      node.entries.push(entry);
      child(k, `.entries[${i}][0]`, (n) => (entry[0] = n));
      child(v, `.entries[${i}][1]`, (n) => (entry[1] = n));
      i++;
    }
    return none;
  }
  if (types.isSet(obj)) {
    node.kind = "Set";
    node.values = [];
    let i = 0;
    for (const v of Set.prototype.values.call(obj)) {
      const at = node.values.push(null) - 1;
      child(v, `.values[${i++}]`, (n) => (node.values[at] = n));
    }
    return none;
  }
  if (types.isDate(obj)) {
    node.kind = "Date";
    node.time = describeNumber(Date.prototype.getTime.call(obj));
    return none;
  }
  if (types.isRegExp(obj)) {
    node.kind = "RegExp";
    node.source = regexpSource.call(obj);
    node.flags = regexpFlags.call(obj);
    return none; // lastIndex is an own property
  }
  if (types.isNativeError(obj) || obj instanceof Error) {
    node.kind = "Error";
    node.name = readData(obj, "name");
    return (key) => key === "stack"; // message and cause are own properties
  }
  if (types.isTypedArray(obj)) {
    describeTypedArray(obj, node, child);
    return (key) => typeof key === "string" && /^\d+$/.test(key);
  }
  if (types.isArrayBuffer(obj) || types.isSharedArrayBuffer(obj)) {
    node.kind = types.isArrayBuffer(obj) ? "ArrayBuffer" : "SharedArrayBuffer";
    const bytes = new Uint8Array(obj);
    node.byteLength = bytes.length;
    const resizable = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "resizable");
    if (resizable && types.isArrayBuffer(obj) && resizable.get.call(obj)) {
      node.maxByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "maxByteLength").get.call(obj);
    }
    node.bytes = Buffer.from(bytes).toString("hex");
    return none;
  }
  if (types.isDataView(obj)) {
    node.kind = "DataView";
    node.byteOffset = dataViewOffset.call(obj);
    node.byteLength = dataViewLength.call(obj);
    child(dataViewBuffer.call(obj), ".buffer", (n) => (node.buffer = n));
    return none;
  }
  if (types.isBoxedPrimitive(obj)) {
    describeBoxed(obj, node, child);
    return none;
  }
  if (types.isPromise(obj)) return ((node.kind = "Promise"), none);
  if (types.isWeakMap(obj)) return ((node.kind = "WeakMap"), none);
  if (types.isWeakSet(obj)) return ((node.kind = "WeakSet"), none);
  if (typeof WeakRef === "function" && obj instanceof WeakRef) return ((node.kind = "WeakRef"), none);
  if (types.isGeneratorObject(obj)) return ((node.kind = "Generator"), none);
  if (types.isModuleNamespaceObject(obj)) return ((node.kind = "Module"), none);
  if (isURL(obj)) return ((node.kind = "URL"), (node.href = urlHref.call(obj)), none);
  if (obj instanceof URLSearchParams) {
    node.kind = "URLSearchParams";
    node.query = URLSearchParams.prototype.toString.call(obj);
    // Node keeps URLSearchParams state in own symbol-keyed internals.
    return (key) => typeof key === "symbol";
  }
  node.kind = "Object";
  return none;
}

function describeFunction(fn, node) {
  node.kind = types.isAsyncFunction(fn)
    ? types.isGeneratorFunction(fn)
      ? "AsyncGeneratorFunction"
      : "AsyncFunction"
    : types.isGeneratorFunction(fn)
      ? "GeneratorFunction"
      : "Function";
  const source = Function.prototype.toString.call(fn);
  node.isClass = /^class\b/.test(source);
  node.isNative = /\{\s*\[native code\]\s*\}$/.test(source);
  node.isConstructor = isConstructor(fn);
}

function isConstructor(fn) {
  try {
    // Checks [[Construct]] without calling fn: fn is only the new.target.
    Reflect.construct(Object, [], fn);
    return true;
  } catch {
    return false;
  }
}

function describeTypedArray(ta, node, child) {
  node.kind = typedArrayTag.call(ta);
  node.length = typedArrayLength.call(ta);
  // A Buffer may be a slice of Node's shared pool: its offset and the pool's
  // other bytes are allocation accidents, not part of the value.
  if (!Buffer.isBuffer(ta)) node.byteOffset = typedArrayOffset.call(ta);
  const values = [];
  for (let i = 0; i < node.length; i++) {
    const v = ta[i];
    values.push(typeof v === "bigint" ? v.toString() : describeNumber(v));
  }
  node.values = values;
  if (!Buffer.isBuffer(ta)) child(typedArrayBuffer.call(ta), ".buffer", (n) => (node.buffer = n));
}

function describeBoxed(obj, node, child) {
  if (types.isNumberObject(obj)) {
    node.kind = "Number";
    node.primitive = { type: "number", value: describeNumber(Number.prototype.valueOf.call(obj)) };
  } else if (types.isStringObject(obj)) {
    node.kind = "String";
    node.primitive = describeString(String.prototype.valueOf.call(obj));
  } else if (types.isBooleanObject(obj)) {
    node.kind = "Boolean";
    node.primitive = { type: "boolean", value: Boolean.prototype.valueOf.call(obj) };
  } else if (types.isBigIntObject(obj)) {
    node.kind = "BigInt";
    node.primitive = { type: "bigint", value: BigInt.prototype.valueOf.call(obj).toString() };
  } else {
    node.kind = "Symbol";
    child(Symbol.prototype.valueOf.call(obj), ".<primitive>", (n) => (node.primitive = n));
  }
}

function isURL(obj) {
  if (!(obj instanceof URL)) return false;
  try {
    urlHref.call(obj);
    return true;
  } catch {
    return false; // an object made with URL.prototype but no URL internals
  }
}

/** Names along the prototype chain, read from data properties only. */
function prototypeChain(obj) {
  const names = [];
  let proto = Object.getPrototypeOf(obj);
  while (proto !== null && names.length < 64) {
    const ctor = Object.getOwnPropertyDescriptor(proto, "constructor");
    if (ctor && typeof ctor.value === "function") names.push(ownDataName(ctor.value));
    // A class's prototype is its parent class, which has no own `constructor`.
    else if (typeof proto === "function") names.push(`function ${ownDataName(proto)}`);
    else names.push("(no constructor)");
    proto = Object.getPrototypeOf(proto);
  }
  names.push("null");
  return names;
}

function ownDataName(fn) {
  const desc = Object.getOwnPropertyDescriptor(fn, "name");
  return desc && "value" in desc ? String(desc.value) : "(accessor name)";
}

/** Reads a data property along the prototype chain without calling accessors. */
function readData(obj, key) {
  for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
    const desc = Object.getOwnPropertyDescriptor(o, key);
    if (desc === undefined) continue;
    return "value" in desc ? String(desc.value) : "(accessor)";
  }
  return "(missing)";
}

module.exports = { describeValue };
