// AddPermission, RemovePermission and GetPolicy: a function's resource policy,
// stored with the function and evaluated by allowsInvoke (permissions.ts).
import { randomUUID } from "node:crypto";
import { AwsError } from "../../errors.js";
import { functionArn } from "./function-config.js";
import { findFunction, jsonReply, readJson, type LambdaAction } from "./lambda-state.js";
import { addStatement, buildStatement, policyDocument, removeStatement, type PermissionInput } from "./permissions.js";

export const addPermission: LambdaAction = async (state, request, [name]) => {
  const input = await readJson<PermissionInput & { RevisionId?: string }>(request, "AddPermission");
  return state.functions.transaction(() => {
    const row = findFunction(state, request, name!);
    checkRevision(row.revisionId, input.RevisionId);
    const statement = buildStatement(input, functionArn(row.region, row.name));
    state.functions.put({ ...row, policy: addStatement(row.policy, statement), revisionId: randomUUID() });
    return jsonReply(201, { Statement: JSON.stringify(statement) });
  });
};

export const removePermission: LambdaAction = async (state, request, [name, sid]) => {
  return state.functions.transaction(() => {
    const row = findFunction(state, request, name!);
    checkRevision(row.revisionId, request.query.get("RevisionId"));
    state.functions.put({ ...row, policy: removeStatement(row.policy, sid!), revisionId: randomUUID() });
    return jsonReply(204, undefined);
  });
};

export const getPolicy: LambdaAction = async (state, request, [name]) => {
  const row = findFunction(state, request, name!);
  if (row.policy.length === 0) throw new AwsError("ResourceNotFoundException", "The resource you requested does not exist.", 404);
  return jsonReply(200, { Policy: policyDocument(row.policy), RevisionId: row.revisionId });
};

function checkRevision(current: string, given: string | undefined): void {
  if (given !== undefined && given !== current) {
    throw new AwsError(
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id",
      412,
    );
  }
}
