// iam.Role: a role (by default one Lambda may assume). Physical name
// `<name>-<7 hex>` unless `name` is given; outputs name and arn.
import { checkObject, checkString, checkTags, defined } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import { LAMBDA_ASSUME_ROLE_POLICY, policyText } from "./policy-documents.js";

export interface RoleArgs {
  /** The role's name; default `<name>-<7 hex>`. Changing it replaces the role. */
  name?: Input<string>;
  /** Trust policy, as an object or JSON text; default: Lambda may assume the role. */
  assumeRolePolicy?: Input<string> | object;
  description?: Input<string>;
  /** Default "/". */
  path?: string;
  tags?: Tags;
}

export class Role extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args?: RoleArgs, options: ResourceOptions = {}) {
    const given = checkObject(TYPES.role, name, args) as RoleArgs;
    checkString(TYPES.role, name, "name", given.name);
    checkTags(TYPES.role, name, given.tags);
    const inputs = defined({
      name: given.name,
      assumeRolePolicy: policyText(given.assumeRolePolicy ?? LAMBDA_ASSUME_ROLE_POLICY),
      description: given.description,
      path: given.path ?? "/",
      tags: given.tags,
    });
    super(TYPES.role, name, inputs, options, ["name", "arn"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
  }

  /** The existing role named `id`, read and never changed. */
  static get(name: string, id: Input<string>): Role {
    return new Role(name, {}, { readId: id } as ResourceOptions);
  }
}
