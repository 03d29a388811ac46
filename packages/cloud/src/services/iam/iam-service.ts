// The IAM service (query protocol): roles, their inline and attached
// policies, customer-managed policies. Stored and returned as IAM returns
// them, never enforced. Also the RoleDirectory Lambda asks whether a
// function's role exists and trusts lambda.amazonaws.com.
import { AwsError } from "../../errors.js";
import { queryResponse, readQueryParams } from "../../protocols/query.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, RoleDirectory, Service } from "../service.js";
import { IamStore } from "./iam-store.js";
import { POLICY_ACTIONS } from "./policy-actions.js";
import { ROLE_ACTIONS, type IamAction } from "./role-actions.js";

const NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
const ACTIONS: Readonly<Record<string, IamAction>> = { ...ROLE_ACTIONS, ...POLICY_ACTIONS };

export function createIamService(context: CloudContext): Service & RoleDirectory {
  const store = new IamStore(context.db);
  return {
    name: "iam",
    protocol: "query",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const params = await readQueryParams(request);
      const action = Object.hasOwn(ACTIONS, params.action) ? ACTIONS[params.action] : undefined;
      if (action === undefined) throw new AwsError("InvalidAction", `The action ${params.action} is not valid for this web service.`, 400);
      return queryResponse(params.action, NAMESPACE, action(params, store, context.clock.now()));
    },
    isAssumableBy: (roleArn, principal) => isAssumableBy(store, roleArn, principal),
  };
}

function isAssumableBy(store: IamStore, roleArn: string, principal: string): boolean {
  const name = roleArn.slice(roleArn.lastIndexOf("/") + 1);
  const role = store.getRole(name);
  if (role === undefined || role.arn !== roleArn) return false;
  return trustsService(role.assumeRolePolicy, principal);
}

// An Allow statement for sts:AssumeRole naming the service principal, as
// Lambda checks when it validates a function's role.
function trustsService(document: string, principal: string): boolean {
  const policy = JSON.parse(document) as { Statement?: unknown };
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.some((statement) => {
    if (statement === null || typeof statement !== "object") return false;
    const { Effect, Action, Principal } = statement as { Effect?: unknown; Action?: unknown; Principal?: unknown };
    if (Effect !== "Allow" || !asList(Action).some((action) => ["sts:AssumeRole", "sts:*", "*"].includes(action))) return false;
    if (Principal === "*") return true;
    const services = Principal !== null && typeof Principal === "object" ? (Principal as { Service?: unknown }).Service : undefined;
    return asList(services).includes(principal);
  });
}

function asList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === "string") : [];
}
