// The flags every data command (sqs send, sns publish, kinesis put, events
// put, logs put, dynamodb) shares: where the call goes (--endpoint-url, or
// the target flags of up/logs: --target, --region, --profile, --port,
// --data), which stack's names a resource may be given by (--stack, --dir),
// and --json. Each command adds its own flags; nothing is read here.
import type { ParsedFlags } from "./command-spec.js";
import { TARGET, targetFlags, type TargetFlags } from "./deploy-args.js";
import { endpointUrlOf, nonEmpty } from "./flag-values.js";
import { UsageError } from "./errors.js";

export { nonEmpty } from "./flag-values.js";

export interface DataFlags extends TargetFlags {
  /** Overrides every other way of finding the endpoint. */
  endpointUrl: string | undefined;
  /** The stack whose logical names resolve (default dev). */
  stack: string;
  /** The program's folder, holding .closure-pack/ (default the working directory). */
  dir: string;
  json: boolean;
}

/** The data commands' shared flags, for their help tables: `flags: { ...DATA_OPTIONS, ... }`. */
export const DATA_OPTIONS = {
  "endpoint-url": {
    type: "string",
    value: "<url>",
    help: "where to send",
    defaultText: "$AWS_ENDPOINT_URL_<SERVICE> or $AWS_ENDPOINT_URL, else as up and logs: the local cloud serving --data, on whatever port it runs",
  },
  ...TARGET,
  dir: { type: "string", value: "<dir>", help: "the program's folder: a resource may be named as its stack's program names it", defaultText: "." },
  json: { type: "boolean", help: "print the answer as JSON" },
} as const;

/** The shared flags out of parsed values, checked. */
export function dataFlags(values: ParsedFlags<typeof DATA_OPTIONS>["values"]): DataFlags {
  return { ...targetFlags(values), endpointUrl: endpointUrlOf(values["endpoint-url"]), dir: nonEmpty(values.dir, "--dir") ?? ".", json: values.json ?? false };
}

/** `Name=Value` (the value may hold "="). */
export function pairOf(text: string, flag: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) throw new UsageError(`option "${flag}" must be Name=Value, got ${JSON.stringify(text)}`);
  return [text.slice(0, at), text.slice(at + 1)];
}
