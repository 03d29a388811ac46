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

// A second value named like the first gets `${base}_${n}`, n = 2, 3…: only a
// name of this shape can ever equal one of those.
const SUFFIXED = /_[1-9]\d*$/;

/** Whether some name of `names` has the shape of a suffixed name (computed once per set). */
const suffixedIn = new WeakMap<ReadonlySet<string>, boolean>();

function hasSuffixed(names: ReadonlySet<string>): boolean {
  let found = suffixedIn.get(names);
  if (found === undefined) {
    found = [...names].some((name) => SUFFIXED.test(name));
    suffixedIn.set(names, found);
  }
  return found;
}

export class NameAllocator {
  /** Names handed out without a suffix. */
  readonly #plain = new Set<string>();
  /** Per base name, the next suffix to try: the suffixes below it are taken. */
  readonly #nextSuffix = new Map<string, number>();
  readonly #reserved: ReadonlyArray<ReadonlySet<string>>;
  /**
   * Whether a reserved or plain name has a suffixed shape. Suffixed names of
   * two bases never collide (`a_2` splits one way), so until then a suffixed
   * name is free without a lookup: a big graph names thousands of `left_N`.
   */
  #suffixLike: boolean;

  /** `reserved`: sets of names never to use (e.g. globals the emitted functions read). */
  constructor(reserved: ReadonlyArray<ReadonlySet<string>>) {
    this.#reserved = reserved;
    this.#suffixLike = reserved.some(hasSuffixed);
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
    let n = this.#nextSuffix.get(base);
    if (n === undefined) {
      n = 2;
      if (!this.#isTaken(base)) {
        this.#plain.add(base);
        this.#nextSuffix.set(base, n);
        if (SUFFIXED.test(base)) this.#suffixLike = true;
        return base;
      }
    }
    let name = `${base}_${n++}`;
    while (this.#suffixLike && this.#isTaken(name)) name = `${base}_${n++}`;
    this.#nextSuffix.set(base, n);
    return name;
  }

  #isTaken(name: string): boolean {
    if (this.#plain.has(name) || RESERVED.has(name)) return true;
    for (const set of this.#reserved) if (set.has(name)) return true;
    return this.#isSuffixedTaken(name);
  }

  /** Whether `name` is `${base}_${n}` as handed out already. */
  #isSuffixedTaken(name: string): boolean {
    const at = name.lastIndexOf("_");
    if (at < 0 || !SUFFIXED.test(name)) return false;
    const next = this.#nextSuffix.get(name.slice(0, at));
    const n = Number(name.slice(at + 1));
    return next !== undefined && n >= 2 && n < next;
  }
}

function sanitize(hint: string): string {
  let name = hint.replace(/[^\w$]+/g, "_").replace(/^_+|_+$/g, "");
  if (name.length > 40) name = name.slice(0, 40);
  if (name === "") name = "value";
  if (/^\d/.test(name)) name = `_${name}`;
  return name;
}
