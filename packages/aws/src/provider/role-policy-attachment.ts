// aws:iam:RolePolicyAttachment through IAM: AttachRolePolicy,
// ListAttachedRolePolicies to read, DetachRolePolicy. Its id is `role/arn`.

import { iamApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function split(id: string): { role: string; policyArn: string } {
  const at = id.indexOf("/");
  return { role: id.slice(0, at), policyArn: id.slice(at + 1) };
}

async function attach(context: ApplyContext, id: string): Promise<Record<string, unknown>> {
  const { role, policyArn } = split(id);
  await context.clients.iam.send(new (iamApi().AttachRolePolicyCommand)({ RoleName: role, PolicyArn: policyArn }));
  return {};
}

export const rolePolicyAttachmentProvider: Provider = {
  type: TYPES.rolePolicyAttachment,
  nameRule: { max: 128 },
  replaceKeys: ["role", "policyArn"],
  identity: (inputs) => `${String(inputs.role)}/${String(inputs.policyArn)}`,
  predict: () => ({}),

  async read(context, id) {
    const { role, policyArn } = split(id);
    try {
      const { AttachedPolicies } = await context.clients.iam.send(new (iamApi().ListAttachedRolePoliciesCommand)({ RoleName: role }));
      return (AttachedPolicies ?? []).some((p) => p.PolicyArn === policyArn) ? {} : undefined;
    } catch (error) {
      if (isNotFound(error, "NoSuchEntity", "NoSuchEntityException")) return undefined;
      throw error;
    }
  },
  create: (context, id) => attach(context, id),
  update: (context, id) => attach(context, id),

  async delete(context, id) {
    const { role, policyArn } = split(id);
    try {
      await context.clients.iam.send(new (iamApi().DetachRolePolicyCommand)({ RoleName: role, PolicyArn: policyArn }));
    } catch (error) {
      if (!isNotFound(error, "NoSuchEntity", "NoSuchEntityException")) throw error;
    }
  },
};
