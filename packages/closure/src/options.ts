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
}

/** What was captured, where from, and what it cost in emitted bytes. */
export interface Capture {
  /** Capture path from the root function, e.g. ["handler", "config.client"]. */
  path: string[];
  /** Kind of value: "function", "class", "object", "map", "module", "global"… */
  kind: string;
  /** Module specifier, for values captured by reference to a module. */
  module?: string;
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
}

/** One function of {@link serializeFunctions}, with its own options. */
export interface FunctionToSerialize {
  fn: Function;
  options?: SerializeOptions;
}
