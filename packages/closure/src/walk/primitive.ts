// Primitives other than symbols are emitted inline as literals. Symbols have
// identity, so they are graph nodes (kinds/symbol.ts). The walker makes a
// primitive's slot from this text (walk/graph.ts Slot.code); emit/ and the
// kinds write the same literals.

/** Source text of a primitive, or undefined when the value needs a node. */
export function inlinePrimitive(value: unknown): string | undefined {
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "boolean":
      return String(value);
    case "number":
      return numberLiteral(value);
    case "bigint":
      return `${value}n`;
    case "string":
      return stringLiteral(value);
    case "object":
      return value === null ? "null" : undefined;
    default:
      return undefined;
  }
}

function numberLiteral(value: number): string {
  // Most numbers: finite and not zero (String() is exact for them).
  if ((value > 0 || value < 0) && value !== Infinity && value !== -Infinity) return String(value);
  if (Number.isNaN(value)) return "NaN";
  if (Object.is(value, -0)) return "-0";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return String(value);
}

const LINE_SEPARATORS = /[\u2028\u2029]/;

/** A JS string literal; JSON.stringify escapes lone surrogates since ES2019. */
export function stringLiteral(value: string): string {
  return escapeLineSeparators(JSON.stringify(value));
}

/**
 * JSON text as JavaScript source: U+2028/2029 are valid in JS strings since
 * ES2019, but escaped for older tools.
 */
export function escapeLineSeparators(json: string): string {
  return LINE_SEPARATORS.test(json) ? json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : json;
}
