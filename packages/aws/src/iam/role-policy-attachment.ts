// iam.RolePolicyAttachment: a managed policy attached to a role. Its id is
// `<role>/<policy ARN>`; changing either replaces it.
import { checkObject, invalidArgument } from "../core/check.js";
import type { Input } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import { roleName, type RoleRef } from "./role-ref.js";

export interface RolePolicyAttachmentArgs {
  role: RoleRef;
  policyArn: Input<string>;
}

export class RolePolicyAttachment extends Resource {
  constructor(name: string, args: RolePolicyAttachmentArgs, options: ResourceOptions = {}) {
    const given = checkObject(TYPES.rolePolicyAttachment, name, args) as Partial<RolePolicyAttachmentArgs>;
    if (given.role === undefined) throw invalidArgument(TYPES.rolePolicyAttachment, name, `"role" is required`);
    if (given.policyArn === undefined) throw invalidArgument(TYPES.rolePolicyAttachment, name, `"policyArn" is required`);
    super(TYPES.rolePolicyAttachment, name, { role: roleName(given.role), policyArn: given.policyArn }, options, []);
  }

  /** The existing attachment `role/policyArn`. */
  static get(name: string, id: Input<string>): RolePolicyAttachment {
    return new RolePolicyAttachment(name, { role: "", policyArn: "" }, { readId: id } as ResourceOptions);
  }
}
