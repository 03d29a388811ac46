// The flags every data command (sqs send, sns publish, kinesis put, events
// put, logs put, dynamodb) shares: where the call goes (--endpoint-url, or
// the target flags of up/logs: --target, --region, --profile, --port,
// --data), which stack's names a resource may be given by (--stack, --dir),
// and --json. Each command adds its own flags; nothing is read here.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { targetFlags, type TargetFlags } from "./deploy-args.js";
import { UsageError } from "./errors.js";

export interface DataFlags extends TargetFlags {
  /** Overrides every other way of finding the endpoint. */
  endpointUrl: string | undefined;
  /** The stack whose logical names resolve (default dev). */
  stack: string;
  /** The program's folder, holding .closure-pack/ (default the working directory). */
  dir: string;
  json: boolean;
}

export const DATA_OPTIONS = {
  "endpoint-url": { type: "string" },
  stack: { type: "string", short: "s" },
  dir: { type: "string" },
  target: { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  port: { type: "string" },
  data: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** parseArgs, strict, its errors as UsageErrors naming the flag and the command. */
export function parseDataArgs<T extends Options>(command: string, argv: readonly string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? "";
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option "${flag}" for "${command}"`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(/argument missing/.test(message) ? `option "${flag}" needs a value` : `option "${flag}" takes no value`);
    throw new UsageError(message);
  }
}

/** The shared flags out of parsed values, checked. */
export function dataFlags(values: Partial<Record<keyof typeof DATA_OPTIONS, string | boolean>>): DataFlags {
  const endpointUrl = values["endpoint-url"] as string | undefined;
  if (endpointUrl !== undefined && !/^https?:\/\/[^/]+/.test(endpointUrl)) throw new UsageError(`option "--endpoint-url" must be an http:// or https:// URL, got ${JSON.stringify(endpointUrl)}`);
  const stack = nonEmpty(values.stack as string | undefined, "--stack") ?? "dev";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stack)) throw new UsageError(`option "--stack" must be letters, digits, '.', '_' or '-', got ${JSON.stringify(stack)}`);
  return { ...targetFlags(values), endpointUrl, stack, dir: nonEmpty(values.dir as string | undefined, "--dir") ?? ".", json: values.json === true };
}

export function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === "") throw new UsageError(`option "${flag}" must not be empty`);
  return value;
}

/** `Name=Value` (the value may hold "="). */
export function pairOf(text: string, flag: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) throw new UsageError(`option "${flag}" must be Name=Value, got ${JSON.stringify(text)}`);
  return [text.slice(0, at), text.slice(at + 1)];
}
