// IAM's policy actions: a role's inline policies (Put/Get/Delete/List
// RolePolicy), attaching managed policies to it, and customer-managed
// policies (Create/Get/Delete/List, one version each). AWS-managed policies
// (arn:aws:iam::aws:policy/…) attach without being created here: the engine
// attaches AWSLambdaBasicExecutionRole as it would on AWS.
import { AwsError } from "../../errors.js";
import type { QueryParams, XmlValue } from "../../protocols/query.js";
import { checkPath, checkPolicyDocument, checkPolicyName, encodeDocument, page, readTags } from "./iam-checks.js";
import { policyArn, uniqueId, type IamStore, type PolicyRow } from "./iam-store.js";
import { requireRole, type IamAction, type IamResult } from "./role-actions.js";

const AWS_MANAGED = /^arn:aws:iam::aws:policy\/(?:[\u0021-\u007F]+\/)?([\w+=,.@-]+)$/;

export const POLICY_ACTIONS: Readonly<Record<string, IamAction>> = {
  PutRolePolicy: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    store.putInlinePolicy(role.name, checkPolicyName(params.required("PolicyName")), checkPolicyDocument(params.required("PolicyDocument")));
    return undefined;
  },
  GetRolePolicy: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    const name = params.required("PolicyName");
    const document = store.getInlinePolicy(role.name, name);
    if (document === undefined) throw new AwsError("NoSuchEntity", `The role policy with name ${name} cannot be found.`, 404);
    return { RoleName: role.name, PolicyName: name, PolicyDocument: encodeDocument(document) };
  },
  DeleteRolePolicy: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    const name = params.required("PolicyName");
    if (!store.deleteInlinePolicy(role.name, name)) throw new AwsError("NoSuchEntity", `The role policy with name ${name} cannot be found.`, 404);
    return undefined;
  },
  ListRolePolicies: (params, store) => {
    const { items, IsTruncated, Marker } = page(store.inlinePolicyNames(requireRole(store, params.required("RoleName")).name), params);
    return { PolicyNames: items, IsTruncated, Marker };
  },
  AttachRolePolicy: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    const arn = params.required("PolicyArn");
    if (!AWS_MANAGED.test(arn) && store.getPolicy(arn) === undefined) throw notAttachable(arn);
    store.attach(role.name, arn);
    return undefined;
  },
  DetachRolePolicy: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    const arn = params.required("PolicyArn");
    if (!store.detach(role.name, arn)) throw new AwsError("NoSuchEntity", `Policy ${arn} was not found.`, 404);
    return undefined;
  },
  ListAttachedRolePolicies: (params, store) => {
    const arns = store.attachedPolicyArns(requireRole(store, params.required("RoleName")).name);
    const { items, IsTruncated, Marker } = page(arns, params);
    return { AttachedPolicies: items.map((arn) => ({ PolicyName: policyNameOf(arn), PolicyArn: arn })), IsTruncated, Marker };
  },
  CreatePolicy: createPolicy,
  GetPolicy: (params, store) => ({ Policy: policyXml(requirePolicy(store, params.required("PolicyArn")), store, true) }),
  DeletePolicy: (params, store) => {
    store.transaction(() => {
      const policy = requirePolicy(store, params.required("PolicyArn"));
      if (store.attachmentCount(policy.arn) > 0) throw new AwsError("DeleteConflict", "Cannot delete a policy attached to entities.", 409);
      store.deletePolicy(policy.arn);
    });
    return undefined;
  },
  GetPolicyVersion: (params, store) => {
    const policy = requirePolicy(store, params.required("PolicyArn"));
    const version = params.required("VersionId");
    if (version !== "v1") throw new AwsError("NoSuchEntity", `Policy ${policy.arn} version ${version} does not exist or is not attachable.`, 404);
    return { PolicyVersion: { Document: encodeDocument(policy.document), VersionId: "v1", IsDefaultVersion: true, CreateDate: new Date(policy.createdAt) } };
  },
  ListPolicies: (params, store) => {
    // Scope=AWS would list AWS's hundreds of managed policies; the local cloud has only its own.
    const policies = params.get("Scope") === "AWS" ? [] : store.listPolicies();
    const { items, IsTruncated, Marker } = page(policies, params);
    return { Policies: items.map((policy) => policyXml(policy, store, false)), IsTruncated, Marker };
  },
};

function createPolicy(params: QueryParams, store: IamStore, now: number): IamResult {
  const name = checkPolicyName(params.required("PolicyName"));
  const path = checkPath(params.get("Path"));
  const policy: PolicyRow = {
    arn: policyArn(path, name),
    name,
    policyId: uniqueId("ANPA"),
    path,
    description: params.get("Description") ?? null,
    document: checkPolicyDocument(params.required("PolicyDocument")),
    createdAt: now,
    tags: readTags(params),
  };
  store.transaction(() => {
    // Policy names are unique in the account whatever their path.
    if (store.listPolicies().some((each) => each.name === name)) {
      throw new AwsError("EntityAlreadyExists", `A policy called ${name} already exists. Duplicate names are not allowed.`, 409);
    }
    store.insertPolicy(policy);
  });
  return { Policy: policyXml(policy, store, true) };
}

function requirePolicy(store: IamStore, arn: string): PolicyRow {
  const policy = store.getPolicy(arn);
  if (policy === undefined) throw notAttachable(arn);
  return policy;
}

function notAttachable(arn: string): AwsError {
  return new AwsError("NoSuchEntity", `Policy ${arn} does not exist or is not attachable.`, 404);
}

function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

function policyXml(policy: PolicyRow, store: IamStore, withTags: boolean): Record<string, XmlValue> {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: "v1",
    AttachmentCount: store.attachmentCount(policy.arn),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: policy.description ?? undefined,
    CreateDate: new Date(policy.createdAt),
    UpdateDate: new Date(policy.createdAt),
    Tags: withTags && policy.tags.length > 0 ? policy.tags : undefined,
  };
}
