// Loads a deploy program in this process: compiled and run like any entry,
// its resources registered as it runs, its exports the stack outputs. An
// error of the SDK thrown while loading (a duplicate name, a bad argument)
// is shown as it is, not as "threw while loading".
import { collectProgram, takeResources, type Program } from "@closure-pack/aws/engine";
import { declareModuleImports } from "@closure-pack/closure";
import { ClosurePackError } from "@closure-pack/errors";
import { IMPORTS_EXPORT, type DeclaredImports } from "./compile-entry.js";
import { CliError } from "./errors.js";
import { loadEntry } from "./load-entry.js";

export interface LoadedProgram {
  program: Program;
  exports: Record<string, unknown>;
}

export async function loadProgram(entry: string, cwd: string): Promise<LoadedProgram> {
  takeResources();
  let exports: Record<string, unknown>;
  try {
    exports = (await loadEntry(entry, cwd)).exports;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (!(error instanceof CliError) || error.code !== "ENTRY_THREW") throw error;
    if (cause instanceof ClosurePackError) throw cause;
    // The packager's hint (--mode bundle) does not apply to a program.
    const shown = error.hint === undefined ? error.message : error.message.slice(0, error.message.lastIndexOf("\nhint: "));
    throw new CliError("ENTRY_THREW", "", shown, {
      cause,
      hint: "the program runs when it is planned: fix it where the stack above points, then run the command again",
    });
  }
  // The serializer then finds the program's packages without a script scan.
  const declared = exports[IMPORTS_EXPORT] as DeclaredImports | undefined;
  if (declared !== undefined) declareModuleImports(declared.probe, declared.namespaces);
  return { program: collectProgram(), exports };
}
