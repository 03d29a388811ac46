// iam.RolePolicy: an inline policy of a role (PutRolePolicy). Its name is
// `<name>-<7 hex>` unless given; changing the role or the name replaces it.
import { checkObject, defined } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import { invalidArgument } from "../core/check.js";
import { policyText } from "./policy-documents.js";
import { roleName, type RoleRef } from "./role-ref.js";

export interface RolePolicyArgs {
  role: RoleRef;
  /** The policy document, as an object or JSON text. */
  policy: Input<string> | object;
  name?: Input<string>;
}

export class RolePolicy extends Resource {
  readonly name: Output<string>;

  constructor(name: string, args: RolePolicyArgs, options: ResourceOptions = {}) {
    const given = checkObject(TYPES.rolePolicy, name, args) as Partial<RolePolicyArgs>;
    if (given.role === undefined) throw invalidArgument(TYPES.rolePolicy, name, `"role" is required`);
    if (given.policy === undefined) throw invalidArgument(TYPES.rolePolicy, name, `"policy" is required`);
    super(TYPES.rolePolicy, name, defined({ role: roleName(given.role), policy: policyText(given.policy), name: given.name }), options, ["name"]);
    this.name = this.output("name");
  }

  /** The existing inline policy `role:policyName`. */
  static get(name: string, id: Input<string>): RolePolicy {
    return new RolePolicy(name, { role: "", policy: "" }, { readId: id } as ResourceOptions);
  }
}
