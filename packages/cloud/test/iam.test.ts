// IAM and STS over the wire: the real daemon driven by @aws-sdk/client-iam,
// client-sts and the aws CLI. Roles, inline and attached policies, managed
// policies and tags are stored and returned as IAM returns them (documents
// URL-encoded), with IAM's error codes; data survives a restart.
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, clientsFor, LAMBDA_TRUST_POLICY, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";

let daemon: DaemonProcess;
let aws: Clients;

beforeAll(async () => {
  daemon = await startDaemon();
  aws = clientsFor(daemon.endpoint);
});

afterAll(async () => {
  aws.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
const LOGS_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: "*" }] });

async function createRole(name: string, extra: Partial<ConstructorParameters<typeof CreateRoleCommand>[0]> = {}) {
  return aws.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY, ...extra }));
}

describe("iam", () => {
  it("role: created, read back with its trust policy URL-encoded, listed, updated, tagged", async () => {
    const created = await createRole("docs-role", { Path: "/service-role/", Description: "for docs", Tags: [{ Key: "stack", Value: "dev" }] });
    expect(created.Role).toMatchObject({
      RoleName: "docs-role",
      Path: "/service-role/",
      Arn: "arn:aws:iam::000000000000:role/service-role/docs-role",
      Description: "for docs",
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: encodeURIComponent(LAMBDA_TRUST_POLICY),
      Tags: [{ Key: "stack", Value: "dev" }],
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    const got = (await aws.iam.send(new GetRoleCommand({ RoleName: "docs-role" }))).Role!;
    expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(LAMBDA_TRUST_POLICY);
    expect(got.CreateDate).toBeInstanceOf(Date);
    const listed = await aws.iam.send(new ListRolesCommand({ PathPrefix: "/service-role/" }));
    expect(listed.Roles?.map((role) => role.RoleName)).toEqual(["docs-role"]);

    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "edgelambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    await aws.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "docs-role", PolicyDocument: trust }));
    expect(decodeURIComponent((await aws.iam.send(new GetRoleCommand({ RoleName: "docs-role" }))).Role!.AssumeRolePolicyDocument!)).toBe(trust);

    await aws.iam.send(
      new TagRoleCommand({
        RoleName: "docs-role",
        Tags: [
          { Key: "STACK", Value: "prod" },
          { Key: "owner", Value: "me" },
        ],
      }),
    );
    await aws.iam.send(new UntagRoleCommand({ RoleName: "docs-role", TagKeys: ["owner"] }));
    expect((await aws.iam.send(new ListRoleTagsCommand({ RoleName: "docs-role" }))).Tags).toEqual([{ Key: "STACK", Value: "prod" }]);
  });

  it("role: inline and attached policies must go before the role does", async () => {
    await createRole("policy-role");
    await aws.iam.send(new PutRolePolicyCommand({ RoleName: "policy-role", PolicyName: "logs", PolicyDocument: LOGS_POLICY }));
    await aws.iam.send(new AttachRolePolicyCommand({ RoleName: "policy-role", PolicyArn: BASIC_EXECUTION }));
    const inline = await aws.iam.send(new GetRolePolicyCommand({ RoleName: "policy-role", PolicyName: "logs" }));
    expect([inline.PolicyName, decodeURIComponent(inline.PolicyDocument!)]).toEqual(["logs", LOGS_POLICY]);
    expect((await aws.iam.send(new ListRolePoliciesCommand({ RoleName: "policy-role" }))).PolicyNames).toEqual(["logs"]);
    expect((await aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "policy-role" }))).AttachedPolicies).toEqual([
      { PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: BASIC_EXECUTION },
    ]);

    const deleteRole = () => aws.iam.send(new DeleteRoleCommand({ RoleName: "policy-role" }));
    await expect(deleteRole()).rejects.toMatchObject({ name: "DeleteConflictException", message: "Cannot delete entity, must detach all policies first." });
    await aws.iam.send(new DetachRolePolicyCommand({ RoleName: "policy-role", PolicyArn: BASIC_EXECUTION }));
    await expect(deleteRole()).rejects.toMatchObject({ name: "DeleteConflictException", message: "Cannot delete entity, must delete policies first." });
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: "policy-role", PolicyName: "logs" }));
    await deleteRole();
    await expect(aws.iam.send(new GetRoleCommand({ RoleName: "policy-role" }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });

  it("policy: a customer-managed policy is created, read with its version, attached, and kept while attached", async () => {
    const { Policy } = await aws.iam.send(new CreatePolicyCommand({ PolicyName: "write-logs", PolicyDocument: LOGS_POLICY, Description: "logs" }));
    expect(Policy).toMatchObject({ PolicyName: "write-logs", Arn: "arn:aws:iam::000000000000:policy/write-logs", DefaultVersionId: "v1", AttachmentCount: 0 });
    const version = await aws.iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: "v1" }));
    expect(decodeURIComponent(version.PolicyVersion!.Document!)).toBe(LOGS_POLICY);
    await createRole("managed-role");
    await aws.iam.send(new AttachRolePolicyCommand({ RoleName: "managed-role", PolicyArn: Policy!.Arn }));
    expect((await aws.iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn }))).Policy?.AttachmentCount).toBe(1);
    await expect(aws.iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn }))).rejects.toMatchObject({
      name: "DeleteConflictException",
      message: "Cannot delete a policy attached to entities.",
    });
  });

  const errors: Array<[string, () => Promise<unknown>, string, string]> = [
    [
      "role: a second role of the same name, in any case",
      async () => (await createRole("twice"), createRole("TWICE")),
      "EntityAlreadyExistsException",
      "Role with name TWICE already exists.",
    ],
    [
      "role: an unknown role",
      () => aws.iam.send(new GetRoleCommand({ RoleName: "nobody" })),
      "NoSuchEntityException",
      "The role with name nobody cannot be found.",
    ],
    [
      "role: a trust policy that is not JSON",
      () => aws.iam.send(new CreateRoleCommand({ RoleName: "bad-json", AssumeRolePolicyDocument: "{not json" })),
      "MalformedPolicyDocumentException",
      "This policy contains invalid Json",
    ],
    [
      "role: a name IAM refuses",
      () => createRole("no spaces"),
      "ValidationError",
      "1 validation error detected: Value 'no spaces' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length less than or equal to 64",
    ],
    [
      "role: a path without slashes around it",
      () => createRole("pathless", { Path: "service-role" }),
      "ValidationError",
      "1 validation error detected: Value 'service-role' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)",
    ],
    [
      "policy: an unknown inline policy",
      async () => (await createRole("no-inline"), aws.iam.send(new GetRolePolicyCommand({ RoleName: "no-inline", PolicyName: "x" }))),
      "NoSuchEntityException",
      "The role policy with name x cannot be found.",
    ],
    [
      "policy: a customer policy that was never created",
      async () => (
        await createRole("attach-missing"),
        aws.iam.send(new AttachRolePolicyCommand({ RoleName: "attach-missing", PolicyArn: "arn:aws:iam::000000000000:policy/missing" }))
      ),
      "NoSuchEntityException",
      "Policy arn:aws:iam::000000000000:policy/missing does not exist or is not attachable.",
    ],
  ];

  it.each(errors)("%s", async (_name, call, code, message) => {
    await expect(call()).rejects.toMatchObject({ name: code, message });
  });
});

describe("sts", () => {
  it("sts: the caller is the local account; AssumeRole hands out session credentials", async () => {
    expect(await aws.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: "000000000000", Arn: "arn:aws:iam::000000000000:root" });
    const assumed = await aws.sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::000000000000:role/docs-role", RoleSessionName: "deploy" }));
    expect(assumed.AssumedRoleUser?.Arn).toBe("arn:aws:sts::000000000000:assumed-role/docs-role/deploy");
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);
  });
});

describe("iam with the aws CLI", () => {
  it("cli: create-role, get-role and get-caller-identity", async () => {
    const created = await awsCli(daemon.endpoint, ["iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document", LAMBDA_TRUST_POLICY]);
    expect(created.stderr).toBe("");
    expect(JSON.parse(created.stdout).Role.Arn).toBe("arn:aws:iam::000000000000:role/cli-role");
    const got = await awsCli(daemon.endpoint, ["iam", "get-role", "--role-name", "cli-role"]);
    // botocore decodes the URL-encoded document into JSON for its users.
    expect(JSON.parse(got.stdout).Role.AssumeRolePolicyDocument).toEqual(JSON.parse(LAMBDA_TRUST_POLICY));
    const missing = await awsCli(daemon.endpoint, ["iam", "get-role", "--role-name", "nobody"]);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      255,
      "An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nobody cannot be found.",
    ]);
    const identity = await awsCli(daemon.endpoint, ["sts", "get-caller-identity"]);
    expect(JSON.parse(identity.stdout)).toMatchObject({ Account: "000000000000" });
  });

  it("restart: roles and their policies are still there after the daemon restarts", async () => {
    await createRole("durable-role");
    await aws.iam.send(new PutRolePolicyCommand({ RoleName: "durable-role", PolicyName: "logs", PolicyDocument: LOGS_POLICY }));
    await daemon.kill();
    daemon = await startDaemon({ dataDir: daemon.dataDir });
    aws.destroy();
    aws = clientsFor(daemon.endpoint);
    expect((await aws.iam.send(new GetRoleCommand({ RoleName: "durable-role" }))).Role?.RoleName).toBe("durable-role");
    expect((await aws.iam.send(new ListRolePoliciesCommand({ RoleName: "durable-role" }))).PolicyNames).toEqual(["logs"]);
  });
});
