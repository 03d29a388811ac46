// aws:lambda:Permission through Lambda: AddPermission, GetPolicy (the
// statement by its Sid) to read, RemovePermission. Its id is
// `function:statementId`; every input replaces it.

import { lambdaApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function split(id: string): { fn: string; sid: string } {
  const at = id.lastIndexOf(":");
  return { fn: id.slice(0, at), sid: id.slice(at + 1) };
}

async function add(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { fn, sid } = split(id);
  try {
    await context.clients.lambda.send(
      new (lambdaApi().AddPermissionCommand)({
        FunctionName: fn,
        StatementId: sid,
        Action: String(inputs.action),
        Principal: String(inputs.principal),
        ...(typeof inputs.sourceArn === "string" ? { SourceArn: inputs.sourceArn } : {}),
        ...(typeof inputs.sourceAccount === "string" ? { SourceAccount: inputs.sourceAccount } : {}),
      }),
    );
  } catch (error) {
    // Added before a crash: the statement id is this stack's deterministic one.
    if (errorCode(error) !== "ResourceConflictException") throw error;
  }
  return { statementId: sid };
}

export const permissionProvider: Provider = {
  type: TYPES.permission,
  nameRule: { max: 100 },
  replaceKeys: ["action", "function", "principal", "sourceArn", "sourceAccount", "statementId"],
  identity: (inputs, generated) => `${String(inputs.function)}:${typeof inputs.statementId === "string" ? inputs.statementId : generated}`,
  predict: (_account, _region, id) => ({ statementId: split(id).sid }),

  async read(context, id) {
    const { fn, sid } = split(id);
    try {
      const { Policy } = await context.clients.lambda.send(new (lambdaApi().GetPolicyCommand)({ FunctionName: fn }));
      const statements = (JSON.parse(Policy ?? "{}") as { Statement?: Array<{ Sid?: string }> }).Statement ?? [];
      return statements.some((statement) => statement.Sid === sid) ? { statementId: sid } : undefined;
    } catch (error) {
      if (isNotFound(error, "ResourceNotFoundException")) return undefined;
      throw error;
    }
  },
  create: add,
  async update(context, id, _olds, inputs) {
    await permissionProvider.delete(context, id, inputs, {});
    return add(context, id, inputs);
  },

  async delete(context, id) {
    const { fn, sid } = split(id);
    try {
      await context.clients.lambda.send(new (lambdaApi().RemovePermissionCommand)({ FunctionName: fn, StatementId: sid }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
