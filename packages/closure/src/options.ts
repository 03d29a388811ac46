// Public option and result types of serializeFunction.

/** Options of {@link serializeFunction}, shaped like Pulumi's runtime.serializeFunction. */
export interface SerializeOptions {
  /** Name of the export that holds the function. Default "handler". */
  exportName?: string;
  /** Call fn() once when the module loads and export its result. */
  isFactoryFunction?: boolean;
  /** Module format of the emitted text. Default "cjs". */
  format?: "cjs" | "esm";
  /** Return false to emit `undefined` in place of a captured value. */
  serialize?: (value: unknown) => boolean;
  /**
   * Rebuild a module-level binding whose value cannot be copied from its
   * declaration and configuring statements, as Lambda would. Default true;
   * false refuses such values instead.
   */
  rebuildModuleBindings?: boolean;
  /**
   * Allow a captured string equal to the value of a credential-like
   * environment variable (AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, *SECRET*,
   * *TOKEN*, *PASSWORD*, *PRIVATE_KEY*) of 8 characters or more; it is
   * refused by default (a shorter value, such as a local emulator's `test`,
   * is only reported in `warnings`).
   */
  allowEnvironmentSecrets?: boolean;
}

/** Something the caller should know about a serialization that succeeded. */
export interface SerializationWarning {
  /** "ENVIRONMENT_VALUE": a captured string equals an environment variable's value where it was serialized. */
  code: "ENVIRONMENT_VALUE";
  /** Capture path of the value. */
  path: string[];
  /** The variables whose value it is (never the value itself). */
  variables: string[];
  /** `<path>: <what>`, as errors are worded. */
  message: string;
  hint: string;
}

/** What was captured, where from, and what it cost in emitted bytes. */
export interface Capture {
  /** Capture path from the root function, e.g. ["handler", "config.client"]. */
  path: string[];
  /** Kind of value: "function", "class", "object", "map", "module", "global"… */
  kind: string;
  /** Module specifier, for values captured by reference to a module. */
  module?: string;
  /**
   * What the package does with it: a copy made from the value, a reference
   * to a module or global read where it runs, or a value rebuilt at load
   * (a rebuild recipe, or its module's declaration). Always set by serializeFunction.
   */
  how?: "copied" | "referenced" | "rebuilt";
  /** Why it was rebuilt. */
  why?: string;
  /** Bytes of emitted source attributable to this value. */
  bytes: number;
}

/** Result of {@link serializeFunction}. */
export interface SerializedFunction {
  /** Self-contained strict-mode module source. */
  text: string;
  exportName: string;
  /** The module syntax of `text` (the `format` option). */
  format: "cjs" | "esm";
  /** Module specifiers the text requires or imports, sorted. */
  modules: string[];
  captures: Capture[];
  /**
   * Captured strings equal to an environment variable's value where it was
   * serialized. Always set by serializeFunction (optional for inputs made by hand).
   */
  warnings?: SerializationWarning[];
}

/** One function of {@link serializeFunctions}, with its own options. */
export interface FunctionToSerialize {
  fn: Function;
  options?: SerializeOptions;
}
