// The base class of every error a user of closure-pack can cause, in every
// package: a stable code, the structured data behind the message (capture
// path, file:line:column) and the message built one way:
// `<where>: <what is wrong>`, then an optional `hint: <how to fix>` line.
// Each package names its own subclass and codes; only the CLI prints.

export interface ClosurePackErrorData {
  /** Capture path from the root function, one hop per element (serialization). */
  path?: readonly string[];
  /** Path relative to the working directory, `/`-separated. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  hint?: string | undefined;
  cause?: unknown;
}

// Marks instances across copies of this package: a program that requires one
// package and imports another gets the CommonJS and the ES module build of
// this class, two distinct classes.
const BRAND = Symbol.for("closure-pack.error");

/** An error a user can cause and fix; `code` is stable once released. */
export class ClosurePackError<Code extends string = string> extends Error {
  override readonly name: string = "ClosurePackError";
  readonly code: Code;
  readonly path: readonly string[] | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  /** `where` is the text before the colon: a capture path, `file:line:col`, an option; "" for none. */
  constructor(code: Code, where: string, problem: string, data: ClosurePackErrorData = {}) {
    const prefix = where === "" ? "" : `${where}: `;
    const hint = data.hint ? `\nhint: ${data.hint}` : "";
    super(`${prefix}${problem}${hint}`, "cause" in data ? { cause: data.cause } : undefined);
    this.code = code;
    this.path = data.path;
    this.file = data.file;
    this.line = data.line;
    this.column = data.column;
    this.hint = data.hint;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `error instanceof ClosurePackError` holds for an error of any copy of
   * this package; a subclass (`instanceof PackError`) checks its own
   * prototype chain as usual.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ClosurePackError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
