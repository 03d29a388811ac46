// IAM's role actions: CreateRole, GetRole, UpdateRole, DeleteRole, ListRoles,
// UpdateAssumeRolePolicy and the role tags. Each takes the request's
// parameters and returns the fields of its <…Result>.
import { AwsError } from "../../errors.js";
import type { QueryParams, XmlValue } from "../../protocols/query.js";
import { checkPath, checkPolicyDocument, checkRoleName, encodeDocument, mergeTags, page, readTags, validation } from "./iam-checks.js";
import { roleArn, uniqueId, type IamStore, type RoleRow } from "./iam-store.js";

export type IamResult = Record<string, XmlValue> | undefined;
export type IamAction = (params: QueryParams, store: IamStore, now: number) => IamResult;

export const ROLE_ACTIONS: Readonly<Record<string, IamAction>> = {
  CreateRole: createRole,
  GetRole: (params, store) => ({ Role: roleXml(requireRole(store, params.required("RoleName")), true) }),
  UpdateRole: updateRole,
  DeleteRole: deleteRole,
  ListRoles: listRoles,
  UpdateAssumeRolePolicy: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    store.updateRole(role.name, { assumeRolePolicy: checkPolicyDocument(params.required("PolicyDocument")) });
    return undefined;
  },
  TagRole: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    const tags = mergeTags(role.tags, readTags(params));
    if (tags.length > 50) throw new AwsError("LimitExceeded", "Cannot exceed quota for TagsPerRole: 50.", 409);
    store.updateRole(role.name, { tags });
    return undefined;
  },
  UntagRole: (params, store) => {
    const role = requireRole(store, params.required("RoleName"));
    const removed = new Set(params.list("TagKeys").map((key) => key.toLowerCase()));
    store.updateRole(role.name, { tags: role.tags.filter((tag) => !removed.has(tag.Key.toLowerCase())) });
    return undefined;
  },
  ListRoleTags: (params, store) => {
    const { items, IsTruncated, Marker } = page(requireRole(store, params.required("RoleName")).tags, params);
    return { Tags: items, IsTruncated, Marker };
  },
};

function createRole(params: QueryParams, store: IamStore, now: number): IamResult {
  const name = checkRoleName(params.required("RoleName"));
  const path = checkPath(params.get("Path"));
  const document = checkPolicyDocument(params.required("AssumeRolePolicyDocument"));
  const maxSessionDuration = checkSessionDuration(params.integer("MaxSessionDuration", 3600));
  const tags = readTags(params);
  const role: RoleRow = {
    name,
    roleId: uniqueId("AROA"),
    path,
    arn: roleArn(path, name),
    assumeRolePolicy: document,
    description: params.get("Description") ?? null,
    maxSessionDuration,
    createdAt: now,
    tags,
  };
  store.transaction(() => {
    if (store.getRole(name) !== undefined) throw new AwsError("EntityAlreadyExists", `Role with name ${name} already exists.`, 409);
    store.insertRole(role);
  });
  return { Role: roleXml(role, tags.length > 0) };
}

function updateRole(params: QueryParams, store: IamStore): IamResult {
  const role = requireRole(store, params.required("RoleName"));
  const fields: { description?: string; maxSessionDuration?: number } = {};
  const description = params.get("Description");
  if (description !== undefined) fields.description = description;
  if (params.get("MaxSessionDuration") !== undefined) fields.maxSessionDuration = checkSessionDuration(params.integer("MaxSessionDuration", 3600));
  store.updateRole(role.name, fields);
  return {};
}

function deleteRole(params: QueryParams, store: IamStore): IamResult {
  store.transaction(() => {
    const role = requireRole(store, params.required("RoleName"));
    if (store.attachedPolicyArns(role.name).length > 0) throw new AwsError("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409);
    if (store.inlinePolicyNames(role.name).length > 0) throw new AwsError("DeleteConflict", "Cannot delete entity, must delete policies first.", 409);
    store.deleteRole(role.name);
  });
  return undefined;
}

function listRoles(params: QueryParams, store: IamStore): IamResult {
  const roles = store.listRoles(params.get("PathPrefix") ?? "/");
  const { items, IsTruncated, Marker } = page(roles, params);
  // ListRoles leaves tags out, as IAM does: GetRole or ListRoleTags has them.
  return { Roles: items.map((role) => roleXml(role, false)), IsTruncated, Marker };
}

/** The role, or IAM's NoSuchEntity. */
export function requireRole(store: IamStore, name: string): RoleRow {
  const role = store.getRole(name);
  if (role === undefined) throw new AwsError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
  return role;
}

function checkSessionDuration(seconds: number): number {
  if (seconds < 3600 || seconds > 43200) throw validation(String(seconds), "maxSessionDuration", "Member must have value between 3600 and 43200");
  return seconds;
}

function roleXml(role: RoleRow, withTags: boolean): Record<string, XmlValue> {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodeDocument(role.assumeRolePolicy),
    Description: role.description ?? undefined,
    MaxSessionDuration: role.maxSessionDuration,
    Tags: withTags && role.tags.length > 0 ? role.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) : undefined,
  };
}
