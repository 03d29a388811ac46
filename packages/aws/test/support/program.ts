// Declares a program's resources in the test worker and takes them back as
// the engine sees them; messages name test files at lines that move when the
// tests are edited, so locations are normalised.
import { collectProgram, type Program } from "../../src/engine/program.js";
import { takeResources } from "../../src/core/registry.js";

export function declare(build: () => void): Program {
  takeResources();
  try {
    build();
  } catch (error) {
    takeResources();
    throw error;
  }
  return collectProgram();
}

/** The error `build` throws, its message with `file.test.ts:<line>` as `file.test.ts:N`. */
export function messageOf(build: () => void): string {
  takeResources();
  try {
    build();
  } catch (error) {
    takeResources();
    return String((error as Error).message).replace(/(\w+\.test\.ts):\d+/g, "$1:N");
  }
  takeResources();
  return "(no error)";
}
