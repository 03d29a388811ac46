// Keeps unsupported.ts honest: every entry still fails the way it says. A
// refusal must come with its code and whole message; a "copy differs" entry
// must serialize and load, its original must give what the case says, and
// only the copy's result may differ. When an entry starts working (or fails
// another way) its test fails here: move the row back into its table.
import { describe, test } from "vitest";
import { roundTrip, serializeInChild, textBlock } from "./support/round-trip.js";
import { expectRoundTrip, type RoundTripCase } from "./support/table.js";
import { SLOW_TEST_TIMEOUT_MS } from "./support/spawn-child.js";
import { UNSUPPORTED } from "./unsupported.js";

describe.concurrent("unsupported", () => {
  for (const entry of UNSUPPORTED) {
    const timeout = entry.case.slow ? SLOW_TEST_TIMEOUT_MS : undefined;
    test(
      `${entry.name} [${entry.expected}]`,
      async ({ expect }) => {
        if (entry.expected === "copy differs") {
          const row: RoundTripCase = { ...entry.case, name: entry.name };
          const result = await roundTrip(row);
          const failure = await expectRoundTrip(expect, row, result).then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(failure, `the copy now behaves like the original: move the row back into its table\n${textBlock(result.text)}`).toBeInstanceOf(Error);
          // Any other failed check (the original's result, its logs, modules) is not this entry's difference.
          expect(String((failure as Error).message).split("\n")[0]).toBe("the copy's probe result differs");
        } else {
          // A kind's own limit: a module-level value would be rebuilt from its declaration instead (module-rebuild.test.ts).
          const outcome = await serializeInChild(entry.case, { rebuildModuleBindings: false, ...entry.case.options });
          if (outcome.ok) return expect.unreachable(`serialized instead of refusing with ${entry.expected}\n${textBlock(outcome.text)}`);
          expect(outcome.error.name).toBe("SerializationError");
          expect(outcome.error.code, outcome.error.message).toBe(entry.expected);
          expect(outcome.error.message).toBe(entry.message);
        }
      },
      timeout,
    );
  }
});
