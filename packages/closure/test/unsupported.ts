// What the serializer does not support today, in one list (STYLE.md §6): each
// entry is a round-trip case with why it cannot work and what happens instead,
// either a refusal (its code and whole message) or a copy that behaves
// differently from the original. The table files show these rows in place as
// skipped, with the reason from here (`unsupported(name)`); unsupported.test.ts
// checks that each entry still fails the way it says, so one that starts
// working, or fails another way, is noticed and moved back into its table.
import type { SerializationErrorCode } from "../src/errors.js";
import type { RoundTripCase } from "./support/table.js";

/** The case itself: everything a table row has but its name and skip. */
export type UnsupportedCase = Omit<RoundTripCase, "name" | "skip">;

/** What happens today. */
export type Today =
  /** Serialized, but the copy's probe gives something else than the original's. */
  | { expected: "copy differs" }
  /** Refused with this code and this whole message. */
  | { expected: SerializationErrorCode; message: string };

export type UnsupportedEntry = {
  /** The row's name in its table file ("kind: situation"). */
  name: string;
  /** Why it cannot work: shown as the skip reason of the row. */
  reason: string;
  case: UnsupportedCase;
} & Today;

const strict = "the emitted module is strict mode code";

export const UNSUPPORTED: readonly UnsupportedEntry[] = [
  // Sloppy-mode semantics.
  {
    name: "this: sloppy function called plainly sees globalThis",
    reason: `${strict}: a plain call of the copy gets \`this\` undefined, not globalThis`,
    expected: "copy differs",
    case: {
      source: `exports.fn = function () { return this === globalThis; };`,
      expected: true,
    },
  },
  {
    name: "function: sloppy mapped arguments alias parameters",
    reason: `${strict}: the copy's arguments object is unmapped, writing arguments[0] leaves the parameter alone`,
    expected: "copy differs",
    case: {
      source: `exports.fn = function (a) { arguments[0] = 9; return a; };`,
      probe: "(f) => f(1)",
      expected: 9,
    },
  },
  // Bindings.
  {
    name: "binding: captured binding still in its temporal dead zone",
    reason: "V8's scope copy shows a `let` still in its temporal dead zone as undefined: the copy reads undefined where the original throws a ReferenceError",
    expected: "copy differs",
    case: {
      source: `function make() { const g = () => x; return g; let x = 1; }\nexports.fn = make();`,
      throws: true,
    },
  },
  // Functions.
  // Modules.
  {
    name: "local: live binding of an ES module import",
    reason:
      "an imported binding is the exporting module's variable; the copy gives the importer its own binding with the value at serialization time, so the exporter's later writes are not seen",
    expected: "copy differs",
    case: {
      sourceFormat: "esm",
      source: `import { count, bump } from "./fixtures/local-esm.mjs";\nexport const fn = () => { bump(); return count; };`,
      probe: "(f) => [f(), f(), f()]",
      expected: [1, 2, 3],
    },
  },
  {
    name: "local: live binding read through a project module's namespace",
    reason:
      "a namespace's properties are the module's variables; the copy of a project module's namespace holds the values they had at serialization time, so the module's later writes are not seen through it",
    expected: "copy differs",
    case: {
      sourceFormat: "esm",
      source: `import * as local from "./fixtures/local-esm.mjs";\nexport const fn = () => { local.bump(); return local.count; };`,
      probe: "(f) => [f(), f()]",
      expected: [1, 2],
    },
  },
  // Classes.
  {
    name: "class: computed key read from a variable V8 did not keep",
    reason: "a computed key is evaluated once, when the class is defined; a variable read only there is kept in no context by V8, so its value is gone",
    expected: "UNSUPPORTED_VALUE",
    message:
      "handler -> C: cannot serialize this class: defining it reads `method`, which V8 did not keep because no function uses it later\n" +
      "hint: reference `method` from a method of the class, or use a literal property key",
    case: {
      source: `const method = "hello";\nclass C { [method]() { return "hi"; } }\nexports.fn = () => new C().hello();`,
      expected: "hi",
    },
  },
  // Modules.
  // Objects whose state lives in internal slots no property exposes. They
  // are not refused yet: the copy is a plain object with their prototype,
  // whose methods throw on it.
  {
    name: "web-builtin: a TextDecoder in the middle of a stream",
    reason:
      "a TextDecoder keeps the bytes of a character split across stream chunks in its native converter, which no API reads (unlike a StringDecoder's, which is refused); the copy is a new decoder without them",
    expected: "copy differs",
    case: {
      source: `const decoder = new TextDecoder();\ndecoder.decode(new Uint8Array([0xc3]), { stream: true });\nexports.fn = () => decoder.decode(new Uint8Array([0xa9]));`,
      expected: "é",
    },
  },
  {
    name: "finalization-registry: register on a captured registry",
    reason: "a FinalizationRegistry's callback and registrations live in internal slots that no API reads",
    expected: "UNSUPPORTED_VALUE",
    message: "handler -> registry: cannot serialize a FinalizationRegistry\nhint: create the registry inside the handler",
    case: {
      source: `const registry = new FinalizationRegistry(() => {});\nexports.fn = () => { registry.register({}, "held"); return "registered"; };`,
      expected: "registered",
    },
  },
];

const byName = new Map(UNSUPPORTED.map((entry) => [entry.name, entry]));
if (byName.size !== UNSUPPORTED.length) throw new Error("unsupported.ts: duplicate entry name");

/** The entry's case as a skipped table row, with its reason; throws for a name not in the list. */
export function unsupported(name: string): RoundTripCase {
  const entry = byName.get(name);
  if (!entry) throw new Error(`unsupported.ts has no entry named ${JSON.stringify(name)}`);
  return { ...entry.case, name, skip: entry.reason };
}
