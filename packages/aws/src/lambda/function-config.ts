// What Function and CallbackFunction share: checking the configuration,
// turning it into inputs, and the role made for a function given none (it
// may write its own log group, nothing else, plus the managed `policies`).
import { checkInteger, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { TYPES, type Tags } from "../core/types.js";
import { functionLoggingPolicy } from "../iam/policy-documents.js";
import { Role } from "../iam/role.js";
import { RolePolicy } from "../iam/role-policy.js";
import { RolePolicyAttachment } from "../iam/role-policy-attachment.js";
import { roleArn, type RoleRef } from "../iam/role-ref.js";

export interface FunctionConfig {
  /** Default "nodejs22.x" for callbacks; required for archives. */
  runtime?: string;
  /** The function's execution role; default: one made for it (least privilege). */
  role?: RoleRef;
  /** Managed policy ARNs attached to the role made for it (not allowed with `role`). */
  policies?: readonly Input<string>[];
  /** MB, 128 to 10240. Default 128. */
  memorySize?: number;
  /** Seconds, 1 to 900. */
  timeout?: number;
  environment?: { variables?: Record<string, Input<string>> };
  description?: Input<string>;
  tags?: Tags;
  /** The function's name; default `<name>-<7 hex>`. Changing it replaces the function. */
  name?: Input<string>;
}

export interface FunctionParts {
  inputs: Record<string, unknown>;
  /** The role made for the function, or undefined when one was given. */
  madeRole: Role | undefined;
}

/** Checks the configuration and makes the function's role when none is given (before the function registers). */
export function functionParts(name: string, given: FunctionConfig, defaults: { handler: string; timeout: number }): FunctionParts {
  const type = TYPES.function;
  checkInteger(type, name, "memorySize", given.memorySize, 128, 10240);
  checkInteger(type, name, "timeout", given.timeout, 1, 900);
  checkString(type, name, "runtime", given.runtime);
  checkString(type, name, "name", given.name);
  checkTags(type, name, given.tags);
  if (given.role !== undefined && given.policies !== undefined) {
    throw invalidArgument(
      type,
      name,
      `"policies" applies only to the role made for the function, and "role" is given`,
      "attach the policies to your role instead",
    );
  }
  const madeRole = given.role === undefined ? new Role(name) : undefined;
  const inputs = defined({
    name: given.name,
    runtime: given.runtime ?? "nodejs22.x",
    handler: defaults.handler,
    role: roleArn(given.role ?? (madeRole as RoleRef)),
    memorySize: given.memorySize ?? 128,
    timeout: given.timeout ?? defaults.timeout,
    environment: given.environment?.variables === undefined ? undefined : { ...given.environment.variables },
    description: given.description,
    tags: given.tags,
  });
  return { inputs, madeRole };
}

/** The made role's logging policy and managed policy attachments, once the function's name output exists. */
export function grantMadeRole(name: string, role: Role, functionName: Output<string>, policies: readonly Input<string>[] = []): void {
  new RolePolicy(name, { role, policy: functionLoggingPolicy(functionName) });
  policies.forEach((policyArn, i) => new RolePolicyAttachment(`${name}-${i}`, { role, policyArn }));
}
