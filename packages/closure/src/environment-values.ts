// The deploy machine's environment in captured strings. A module-level
// `const TABLE = process.env.TABLE_NAME` is captured as the string it held
// where the program was serialized: such a string (4 characters or more) is
// reported as a warning, never with its value; the value of a variable that
// holds a credential is refused unless the caller allows it.
import { SerializationError } from "./errors.js";
import type { SerializationWarning } from "./options.js";

const MIN_LENGTH = 4;
const CREDENTIAL_NAME = /^AWS_SECRET_ACCESS_KEY$|^AWS_SESSION_TOKEN$|SECRET|TOKEN|PASSWORD|PRIVATE_KEY/i;
// A credential-like variable's value is refused only when it is long enough
// to be a real secret: 8 characters, the shortest password NIST SP 800-63B
// allows (AWS secret keys have 40, session tokens hundreds). Shorter values
// are the placeholders of local emulators (AWS_SECRET_ACCESS_KEY=test for
// LocalStack and the local cloud, "testing" for moto), which would otherwise
// refuse every captured "test"; they are reported like any other value.
const MIN_SECRET_LENGTH = 8;

/** Environment values of one serializeFunctions call, and what one walk found of them. */
export class EnvironmentValues {
  readonly #names: ReadonlyMap<string, readonly string[]>;
  readonly #allowSecrets: boolean;
  readonly warnings: SerializationWarning[] = [];
  readonly #seen = new Set<string>();

  constructor(names: ReadonlyMap<string, readonly string[]>, allowSecrets: boolean) {
    this.#names = names;
    this.#allowSecrets = allowSecrets;
  }

  /** Variable names by value, for values long enough to mean something; sorted, so reports are stable. */
  static read(env: NodeJS.ProcessEnv): Map<string, string[]> {
    const names = new Map<string, string[]>();
    for (const name of Object.keys(env).sort()) {
      const value = env[name];
      if (value === undefined || value.length < MIN_LENGTH) continue;
      const list = names.get(value);
      if (list) list.push(name);
      else names.set(value, [name]);
    }
    return names;
  }

  /** Checks a captured string at `path`: a warning, or a refusal for a credential. */
  check(value: string, path: () => string[]): void {
    const names = this.#names.get(value);
    if (names === undefined) return;
    const hops = path();
    const credential = value.length >= MIN_SECRET_LENGTH ? names.find((name) => CREDENTIAL_NAME.test(name)) : undefined;
    if (credential !== undefined && !this.#allowSecrets) {
      throw new SerializationError(
        "ENVIRONMENT_SECRET",
        hops,
        `this string is the value of ${credential} where the function was serialized`,
        `read process.env.${credential} inside the handler, or give the function a role or secret of its own; if the match is a coincidence, pass allowEnvironmentSecrets: true`,
      );
    }
    const key = `${hops.join(" -> ")}\0${names.join(",")}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const list = names.join(", ");
    this.warnings.push({
      code: "ENVIRONMENT_VALUE",
      path: hops,
      variables: [...names],
      message: `${hops.join(" -> ")}: this string is the value of ${list} where the function was serialized`,
      hint: `read process.env.${names[0]} inside the handler, or set it in the function's environment`,
    });
  }
}
