// The deploy machine's environment: a captured string equal to the value of
// an environment variable where the function was serialized is a warning
// (capture path and variable name, never the value); the value of a
// credential-like variable is refused unless allowEnvironmentSecrets is set.
import { describe, test } from "vitest";
import type { SerializationWarning } from "../src/options.js";
import { serializeInChild, textBlock, type CaseSource } from "./support/round-trip.js";

interface Row extends CaseSource {
  name: string;
  env: Record<string, string>;
  warnings: Array<Pick<SerializationWarning, "path" | "variables" | "message" | "hint">>;
}

const warn = (path: string[], name: string): Row["warnings"][number] => ({
  path,
  variables: [name],
  message: `${path.join(" -> ")}: this string is the value of ${name} where the function was serialized`,
  hint: `read process.env.${name} inside the handler, or set it in the function's environment`,
});

const rows: Row[] = [
  {
    name: "environment: a module-level string read from the environment",
    source: `const TABLE = process.env.TABLE_NAME;\nexports.fn = () => TABLE;`,
    env: { TABLE_NAME: "orders-prod" },
    warnings: [warn(["handler", "TABLE"], "TABLE_NAME")],
  },
  {
    name: "environment: inside an object and an array of strings",
    source: `const config = { bucket: process.env.BUCKET, names: ["x", process.env.BUCKET] };\nexports.fn = () => config;`,
    env: { BUCKET: "docs-bucket" },
    warnings: [warn(["handler", "config.bucket"], "BUCKET"), warn(["handler", "config.names[1]"], "BUCKET")],
  },
  {
    name: "environment: process.env read inside the handler is no capture",
    source: `exports.fn = () => process.env.TABLE_NAME;`,
    env: { TABLE_NAME: "orders-prod" },
    warnings: [],
  },
  {
    name: "environment: values shorter than 4 characters are not reported",
    source: `const STAGE = process.env.STAGE;\nexports.fn = () => STAGE;`,
    env: { STAGE: "dev" },
    warnings: [],
  },
  {
    name: "environment: a credential value shorter than 8 characters (a local emulator's AWS_SECRET_ACCESS_KEY=test) is only reported",
    source: `const mode = "test";\nexports.fn = () => mode;`,
    env: { AWS_SECRET_ACCESS_KEY: "test" },
    warnings: [warn(["handler", "mode"], "AWS_SECRET_ACCESS_KEY")],
  },
  {
    name: 'environment: a 7-character password (moto\'s "testing") is only reported',
    source: `const DB_PASSWORD = process.env.DB_PASSWORD;\nexports.fn = () => DB_PASSWORD.length;`,
    env: { DB_PASSWORD: "testing" },
    warnings: [warn(["handler", "DB_PASSWORD"], "DB_PASSWORD")],
  },
  {
    name: "environment: a credential-like value, allowed by the option",
    source: `const token = process.env.API_TOKEN;\nexports.fn = () => token;`,
    options: { allowEnvironmentSecrets: true },
    env: { API_TOKEN: "tok-123456" },
    warnings: [warn(["handler", "token"], "API_TOKEN")],
  },
];

describe.concurrent("environment warnings", () => {
  for (const row of rows) {
    test(row.name, async ({ expect }) => {
      const outcome = await serializeInChild(row, undefined, { env: row.env });
      if (!outcome.ok) return expect.unreachable(outcome.error.message);
      expect(outcome.warnings.map(({ path, variables, message, hint }) => ({ path, variables, message, hint }))).toEqual(row.warnings);
      const text = JSON.stringify(outcome.warnings);
      for (const value of Object.values(row.env)) expect(text, "a warning never holds the value").not.toContain(value);
    });
  }
});

const refusals: Array<CaseSource & { name: string; env: Record<string, string>; message: string }> = [
  {
    name: "environment: the deploy machine's AWS secret key is refused",
    source: `const creds = { secret: process.env.AWS_SECRET_ACCESS_KEY };\nexports.fn = () => creds;`,
    env: { AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
    message:
      "handler -> creds.secret: this string is the value of AWS_SECRET_ACCESS_KEY where the function was serialized\nhint: read process.env.AWS_SECRET_ACCESS_KEY inside the handler, or give the function a role or secret of its own; if the match is a coincidence, pass allowEnvironmentSecrets: true",
  },
  {
    name: "environment: a variable named like a password is refused from 8 characters",
    source: `const DB_PASSWORD = process.env.DB_PASSWORD;\nexports.fn = () => DB_PASSWORD.length;`,
    env: { DB_PASSWORD: "hunter22" },
    message:
      "handler -> DB_PASSWORD: this string is the value of DB_PASSWORD where the function was serialized\nhint: read process.env.DB_PASSWORD inside the handler, or give the function a role or secret of its own; if the match is a coincidence, pass allowEnvironmentSecrets: true",
  },
];

describe.concurrent("environment refusals", () => {
  for (const row of refusals) {
    test(row.name, async ({ expect }) => {
      const outcome = await serializeInChild(row, undefined, { env: row.env });
      if (outcome.ok) return expect.unreachable(`serialized instead of refusing\n${textBlock(outcome.text)}`);
      expect(outcome.error.code).toBe("ENVIRONMENT_SECRET");
      expect(outcome.error.message).toBe(row.message);
    });
  }
});
