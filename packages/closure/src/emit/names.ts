// Output identifiers derived from the program (binding names, property keys),
// made unique in the order the emitter asks for them, which follows the
// graph, never traversal accidents. Names never shadow a global the emitted
// functions may read.

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if implements import in instanceof interface let new null package private protected public return " +
    "static super switch this throw true try typeof var void while with yield await arguments eval undefined NaN " +
    "Infinity require module exports globalThis __filename __dirname $set __home __closure_pack_export __closure_pack_createRequire"
  ).split(" "),
);

export class NameAllocator {
  readonly #taken = new Set<string>();
  /** Next suffix to try per base name, so many values named alike cost O(1) each. */
  readonly #nextSuffix = new Map<string, number>();
  readonly #reserved: ReadonlyArray<ReadonlySet<string>>;

  /** `reserved`: sets of names never to use (e.g. globals the emitted functions read). */
  constructor(reserved: ReadonlyArray<ReadonlySet<string>>) {
    this.#reserved = reserved;
  }

  /** Sanitized hints: values of a big graph share a few dozen property names. */
  readonly #bases = new Map<string, string>();

  /** A fresh identifier based on `hint`. */
  allocate(hint: string): string {
    let base = this.#bases.get(hint);
    if (base === undefined) {
      base = sanitize(hint);
      this.#bases.set(hint, base);
    }
    let name = base;
    let n = this.#nextSuffix.get(base) ?? 2;
    while (this.#isTaken(name)) name = `${base}_${n++}`;
    this.#nextSuffix.set(base, n);
    this.#taken.add(name);
    return name;
  }

  #isTaken(name: string): boolean {
    if (this.#taken.has(name) || RESERVED.has(name)) return true;
    for (const set of this.#reserved) if (set.has(name)) return true;
    return false;
  }
}

function sanitize(hint: string): string {
  let name = hint.replace(/[^\w$]+/g, "_").replace(/^_+|_+$/g, "");
  if (name.length > 40) name = name.slice(0, 40);
  if (name === "") name = "value";
  if (/^\d/.test(name)) name = `_${name}`;
  return name;
}
