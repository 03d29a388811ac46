// Picks the export to pack from a loaded entry and says clearly when it is
// missing or is not a function.
import { IMPORTS_EXPORT } from "./compile-entry.js";
import { CliError } from "./errors.js";
import type { LoadedEntry } from "./load-entry.js";

/** The function exported as `name`. */
export function pickExport(entry: LoadedEntry, name: string): Function {
  const names = exportNames(entry.exports);
  if (!names.includes(name)) {
    const hint =
      names.length === 0
        ? "the entry exports nothing; export the handler, e.g. export const handler = async (event) => { … }"
        : `the entry exports ${names.map((each) => `"${each}"`).join(", ")}; choose one with --export <name>`;
    throw new CliError("EXPORT_NOT_FOUND", entry.file, `has no export named "${name}"`, { hint });
  }
  const value = entry.exports[name];
  if (typeof value !== "function") {
    throw new CliError("EXPORT_NOT_A_FUNCTION", entry.file, `export "${name}" is ${describeValue(value)}, not a function`, {
      hint: `export the handler function itself, e.g. export const ${isIdentifier(name) ? name : "handler"} = async (event) => { … }`,
    });
  }
  return value;
}

// esbuild's CommonJS output marks ES modules with a non-enumerable
// __esModule; a namespace object lists exactly the exports, and the one the
// compiled entry gains for the serializer (IMPORTS_EXPORT).
function exportNames(exports: Record<string, unknown>): string[] {
  return Object.keys(exports)
    .filter((key) => key !== "__esModule" && key !== IMPORTS_EXPORT)
    .sort();
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === "string" && name !== "" && name !== "Object" ? `a ${name}` : "an object";
  }
  return `a ${typeof value}`;
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}
