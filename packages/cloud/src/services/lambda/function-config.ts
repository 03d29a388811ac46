// A function's settings as CreateFunction and UpdateFunctionConfiguration
// take them (checked with Lambda's own codes and messages), and as every
// call returns them (FunctionConfiguration). Also how a FunctionName
// (name, partial or full ARN, with a qualifier) names a stored function.
import { isReservedVariable } from "@closure-pack/runtime";
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import type { FunctionRow, FunctionSettings } from "./function-store.js";

export const RUNTIMES: readonly string[] = ["nodejs20.x", "nodejs22.x"];
const RETIRED_RUNTIME = /^nodejs(\d+)\.x$|^nodejs$|^nodejs4\.3(-edge)?$/;
const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;
const VARIABLE = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
const ENVIRONMENT_LIMIT = 4096;

/** The body fields of CreateFunction / UpdateFunctionConfiguration that set a function's settings. */
export interface SettingsInput {
  Runtime?: unknown;
  Role?: unknown;
  Handler?: unknown;
  Description?: unknown;
  Timeout?: unknown;
  MemorySize?: unknown;
  Environment?: { Variables?: Record<string, unknown> } | null;
  Architectures?: unknown;
  EphemeralStorage?: { Size?: unknown } | null;
}

export const DEFAULT_SETTINGS: Omit<FunctionSettings, "runtime" | "role" | "handler"> = {
  description: "",
  timeout: 3,
  memorySize: 128,
  environment: {},
  architectures: ["x86_64"],
  ephemeralStorage: 512,
};

/** `base` with the fields `input` gives, each checked as Lambda checks it. */
export function applySettings(base: FunctionSettings, input: SettingsInput): FunctionSettings {
  const settings = { ...base };
  if (input.Runtime !== undefined) settings.runtime = checkRuntime(input.Runtime);
  if (input.Role !== undefined) settings.role = checkPattern(input.Role, "role", ROLE, "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
  if (input.Handler !== undefined) settings.handler = checkPattern(input.Handler, "handler", /^[^\s]{1,128}$/, "[^\\s]+");
  if (input.Description !== undefined) settings.description = checkLength(input.Description, "description", 256);
  if (input.Timeout !== undefined) settings.timeout = checkRange(input.Timeout, "timeout", 1, 900);
  if (input.MemorySize !== undefined) settings.memorySize = checkRange(input.MemorySize, "memorySize", 128, 10240);
  if (input.Environment !== undefined) settings.environment = checkEnvironment(input.Environment?.Variables ?? {});
  if (input.Architectures !== undefined) settings.architectures = checkArchitectures(input.Architectures);
  if (input.EphemeralStorage?.Size !== undefined) settings.ephemeralStorage = checkRange(input.EphemeralStorage.Size, "ephemeralStorage.size", 512, 10240);
  return settings;
}

function checkRuntime(value: unknown): string {
  const runtime = String(value);
  if (RUNTIMES.includes(runtime)) return runtime;
  const major = RETIRED_RUNTIME.exec(runtime);
  if (major !== null && Number(major[1] ?? 0) < 20) {
    throw new AwsError(
      "InvalidParameterValueException",
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
    );
  }
  throw new AwsError(
    "InvalidParameterValueException",
    `The runtime parameter of ${runtime} is not supported by the local cloud: it runs ${RUNTIMES.join(" and ")} functions.`,
  );
}

function checkEnvironment(variables: Record<string, unknown>): Record<string, string> {
  const reserved = Object.keys(variables).filter(isReservedVariable);
  if (reserved.length > 0) {
    throw new AwsError(
      "InvalidParameterValueException",
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(", ")}`,
    );
  }
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables)) {
    if (!VARIABLE.test(key)) {
      throw validation(
        `'${key}'`,
        "environment.variables",
        "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
      );
    }
    environment[key] = String(value);
  }
  const measured = JSON.stringify(environment);
  if (Buffer.byteLength(measured) > ENVIRONMENT_LIMIT) {
    throw new AwsError(
      "InvalidParameterValueException",
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
    );
  }
  return environment;
}

function checkArchitectures(value: unknown): string[] {
  if (!Array.isArray(value) || value.length !== 1 || !["x86_64", "arm64"].includes(String(value[0]))) {
    throw validation(
      JSON.stringify(value),
      "architectures",
      "Member must have length less than or equal to 1, Member must satisfy enum value set: [x86_64, arm64]",
    );
  }
  return [String(value[0])];
}

function checkPattern(value: unknown, field: string, pattern: RegExp, shown: string): string {
  const text = String(value);
  if (!pattern.test(text)) throw validation(`'${text}'`, field, `Member must satisfy regular expression pattern: ${shown}`);
  return text;
}

function checkLength(value: unknown, field: string, max: number): string {
  const text = String(value);
  if (text.length > max) throw validation(`'${text}'`, field, `Member must have length less than or equal to ${max}`);
  return text;
}

function checkRange(value: unknown, field: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw validation(`'${String(value)}'`, field, `Member must have value greater than or equal to ${min}`);
  if (number > max) throw validation(`'${String(value)}'`, field, `Member must have value less than or equal to ${max}`);
  return number;
}

export function validation(value: string, field: string, constraint: string): AwsError {
  return new AwsError("ValidationException", `1 validation error detected: Value ${value} at '${field}' failed to satisfy constraint: ${constraint}`);
}

export function functionArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;
}

// name, name:qualifier, 000000000000:function:name[:qualifier], or the full ARN.
const FUNCTION_REF = /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:|(\d{12}):function:)?([a-zA-Z0-9_-]{1,64})(?::([a-zA-Z0-9$_-]+))?$/;

export interface FunctionRef {
  name: string;
  /** The version or alias asked for, or undefined for $LATEST. */
  qualifier: string | undefined;
}

/** Reads a FunctionName (path parameter or ARN); ValidationException when it names nothing Lambda could hold. */
export function parseFunctionRef(raw: string, qualifier?: string): FunctionRef {
  const match = FUNCTION_REF.exec(raw);
  if (match === null) {
    throw validation(
      `'${raw}'`,
      "functionName",
      "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
    );
  }
  return { name: match[4]!, qualifier: match[5] ?? qualifier };
}

/** Lambda's LastModified: `2026-12-07T11:10:48.617+0000`. */
export function lastModified(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

/**
 * FunctionConfiguration, as every call returns it. State is Active and
 * LastUpdateStatus Successful from the first answer: AWS creates and
 * updates functions asynchronously (Pending, InProgress) and clients wait
 * with GetFunction until they read Active and Successful; the local cloud
 * has the code ready before it answers, so those waiters return at once.
 */
export function functionConfiguration(row: FunctionRow): Record<string, unknown> {
  const { settings } = row;
  return {
    FunctionName: row.name,
    FunctionArn: functionArn(row.region, row.name),
    Runtime: settings.runtime,
    Role: settings.role,
    Handler: settings.handler,
    CodeSize: row.codeSize,
    Description: settings.description,
    Timeout: settings.timeout,
    MemorySize: settings.memorySize,
    LastModified: lastModified(row.lastModified),
    CodeSha256: row.codeSha256,
    Version: "$LATEST",
    ...(Object.keys(settings.environment).length > 0 ? { Environment: { Variables: settings.environment } } : {}),
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: row.revisionId,
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: settings.architectures,
    EphemeralStorage: { Size: settings.ephemeralStorage },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${row.name}` },
  };
}
