// aws:iam:Role through IAM: CreateRole with tags, GetRole, in-place updates
// of the trust policy, description and tags, and DeleteRole after removing
// whatever policies are still on it (IAM refuses to delete otherwise).

import { iamApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, nameTaken, resourceTags, tagList } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function outputs(account: string, id: string, path: string): Record<string, unknown> {
  return { name: id, arn: `arn:aws:iam::${account}:role${path}${id}` };
}

export const roleProvider: Provider = {
  type: TYPES.role,
  nameRule: { max: 64 },
  replaceKeys: ["name", "path"],
  identity: (inputs, generated) => (typeof inputs.name === "string" ? inputs.name : generated),
  predict: (account, _region, id, inputs) => outputs(account, id, String(inputs.path ?? "/")),

  isOwn: async (context, id) => isOwnResource(context, (await context.clients.iam.send(new (iamApi().GetRoleCommand)({ RoleName: id }))).Role?.Tags),

  async read(context, id) {
    try {
      const { Role } = await context.clients.iam.send(new (iamApi().GetRoleCommand)({ RoleName: id }));
      return { name: id, arn: Role!.Arn };
    } catch (error) {
      if (isNotFound(error, "NoSuchEntity", "NoSuchEntityException")) return undefined;
      throw error;
    }
  },

  async create(context, id, inputs) {
    try {
      const { Role } = await context.clients.iam.send(
        new (iamApi().CreateRoleCommand)({
          RoleName: id,
          Path: String(inputs.path ?? "/"),
          AssumeRolePolicyDocument: String(inputs.assumeRolePolicy),
          ...(typeof inputs.description === "string" ? { Description: inputs.description } : {}),
          Tags: tagList(resourceTags(context, inputs.tags)),
        }),
      );
      return { name: id, arn: Role!.Arn };
    } catch (error) {
      if (errorCode(error) !== "EntityAlreadyExists" && errorCode(error) !== "EntityAlreadyExistsException") throw error;
      // Made by a run of this stack cut short: bring it up to date. Else the name is taken.
      const { Role } = await context.clients.iam.send(new (iamApi().GetRoleCommand)({ RoleName: id }));
      if (!isOwnResource(context, Role?.Tags)) throw nameTaken(error);
      return roleProvider.update(context, id, {}, inputs, {});
    }
  },

  async update(context, id, _olds, inputs) {
    const iam = context.clients.iam;
    await iam.send(new (iamApi().UpdateAssumeRolePolicyCommand)({ RoleName: id, PolicyDocument: String(inputs.assumeRolePolicy) }));
    await iam.send(new (iamApi().UpdateRoleCommand)({ RoleName: id, Description: typeof inputs.description === "string" ? inputs.description : "" }));
    await iam.send(new (iamApi().TagRoleCommand)({ RoleName: id, Tags: tagList(resourceTags(context, inputs.tags)) }));
    return (await roleProvider.read(context, id, inputs))!;
  },

  async delete(context, id) {
    try {
      await detachEverything(context, id);
      await context.clients.iam.send(new (iamApi().DeleteRoleCommand)({ RoleName: id }));
    } catch (error) {
      if (!isNotFound(error, "NoSuchEntity", "NoSuchEntityException")) throw error;
    }
  },
};

async function detachEverything(context: ApplyContext, id: string): Promise<void> {
  const iam = context.clients.iam;
  const inline = await iam.send(new (iamApi().ListRolePoliciesCommand)({ RoleName: id }));
  for (const PolicyName of inline.PolicyNames ?? []) await iam.send(new (iamApi().DeleteRolePolicyCommand)({ RoleName: id, PolicyName }));
  const attached = await iam.send(new (iamApi().ListAttachedRolePoliciesCommand)({ RoleName: id }));
  for (const policy of attached.AttachedPolicies ?? []) await iam.send(new (iamApi().DetachRolePolicyCommand)({ RoleName: id, PolicyArn: policy.PolicyArn! }));
}
