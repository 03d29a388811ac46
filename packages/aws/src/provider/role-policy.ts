// aws:iam:RolePolicy through IAM: PutRolePolicy (create and update are the
// same call), GetRolePolicy, DeleteRolePolicy. Its id is `role:policyName`.

import { iamApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function split(id: string): { role: string; policy: string } {
  const at = id.indexOf(":");
  return { role: id.slice(0, at), policy: id.slice(at + 1) };
}

async function put(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { role, policy } = split(id);
  await context.clients.iam.send(new (iamApi().PutRolePolicyCommand)({ RoleName: role, PolicyName: policy, PolicyDocument: String(inputs.policy) }));
  return { name: policy };
}

export const rolePolicyProvider: Provider = {
  type: TYPES.rolePolicy,
  nameRule: { max: 128 },
  replaceKeys: ["role", "name"],
  identity: (inputs, generated) => `${String(inputs.role)}:${typeof inputs.name === "string" ? inputs.name : generated}`,
  predict: (_account, _region, id) => ({ name: split(id).policy }),

  async read(context, id) {
    const { role, policy } = split(id);
    try {
      await context.clients.iam.send(new (iamApi().GetRolePolicyCommand)({ RoleName: role, PolicyName: policy }));
      return { name: policy };
    } catch (error) {
      if (isNotFound(error, "NoSuchEntity", "NoSuchEntityException")) return undefined;
      throw error;
    }
  },
  create: put,
  update: (context, id, _olds, inputs) => put(context, id, inputs),

  async delete(context, id) {
    const { role, policy } = split(id);
    try {
      await context.clients.iam.send(new (iamApi().DeleteRolePolicyCommand)({ RoleName: role, PolicyName: policy }));
    } catch (error) {
      if (!isNotFound(error, "NoSuchEntity", "NoSuchEntityException")) throw error;
    }
  },
};
