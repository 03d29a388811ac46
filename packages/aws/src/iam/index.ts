// aws.iam
export { Role, type RoleArgs } from "./role.js";
export { RolePolicy, type RolePolicyArgs } from "./role-policy.js";
export { RolePolicyAttachment, type RolePolicyAttachmentArgs } from "./role-policy-attachment.js";
