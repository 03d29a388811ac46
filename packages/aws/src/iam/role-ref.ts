// A role given as a Role resource or as its name/ARN text.
import { isOutput, type Input, type Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";

export type RoleRef = Input<string> | { name: Output<string>; arn: Output<string> };

function isRoleResource(value: unknown): value is { name: Output<string>; arn: Output<string> } {
  return descriptorOf(value)?.type === TYPES.role;
}

export function roleName(role: RoleRef): Input<string> {
  if (isRoleResource(role)) return role.name;
  if (isOutput(role) || typeof role !== "string") return role as Input<string>;
  // arn:aws:iam::123456789012:role/path/name -> name
  return role.startsWith("arn:") ? role.slice(role.lastIndexOf("/") + 1) : role;
}

export function roleArn(role: RoleRef): Input<string> {
  return isRoleResource(role) ? role.arn : (role as Input<string>);
}
