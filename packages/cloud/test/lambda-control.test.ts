// Lambda's control plane over the wire: the real daemon driven by
// @aws-sdk/client-lambda and the aws CLI, as the engine deploys: create,
// read, list, update code and configuration, permissions, tags, reserved
// concurrency and delete, with Lambda's error codes and messages.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import {
  AddPermissionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  PutFunctionConcurrencyCommand,
  RemovePermissionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction, fixtureZip, ROLE_ARN, zipOf } from "./helpers/functions.js";

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

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64");
const ARN = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

describe("lambda control plane", () => {
  it("function: created Active, read back, listed, updated in code and settings, deleted", async () => {
    const zip = await fixtureZip("echo");
    const created = await createFixtureFunction(aws, "life", "echo", {
      Environment: { Variables: { STAGE: "dev" } },
      Description: "echo",
      Tags: { stack: "dev" },
    });
    expect(created).toMatchObject({
      FunctionName: "life",
      FunctionArn: ARN("life"),
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Role: ROLE_ARN,
      CodeSha256: sha256(zip),
      CodeSize: zip.length,
      Timeout: 3,
      MemorySize: 128,
      Version: "$LATEST",
      State: "Active",
      LastUpdateStatus: "Successful",
      Environment: { Variables: { STAGE: "dev" } },
      PackageType: "Zip",
    });
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    // The engine's waiters read Active and Successful on their first poll.
    await waitUntilFunctionActiveV2({ client: aws.lambda, maxWaitTime: 5 }, { FunctionName: "life" });

    const got = await aws.lambda.send(new GetFunctionCommand({ FunctionName: ARN("life") }));
    expect([got.Configuration?.CodeSha256, got.Tags]).toEqual([sha256(zip), { stack: "dev" }]);
    const download = Buffer.from(await (await fetch(got.Code!.Location!)).arrayBuffer());
    expect(download.equals(zip)).toBe(true);

    const newZip = await fixtureZip("fail");
    const updated = await aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "life", ZipFile: newZip }));
    expect([updated.CodeSha256, updated.CodeSize]).toEqual([sha256(newZip), newZip.length]);
    expect(updated.RevisionId).not.toBe(created.RevisionId);
    await waitUntilFunctionUpdatedV2({ client: aws.lambda, maxWaitTime: 5 }, { FunctionName: "life" });
    const configured = await aws.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "life", MemorySize: 256, Timeout: 10, Environment: { Variables: {} } }),
    );
    expect([configured.MemorySize, configured.Timeout, configured.Environment, configured.CodeSha256]).toEqual([256, 10, undefined, sha256(newZip)]);
    expect((await aws.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "life" }))).MemorySize).toBe(256);

    await aws.lambda.send(new DeleteFunctionCommand({ FunctionName: "life" }));
    await expect(aws.lambda.send(new GetFunctionCommand({ FunctionName: "life" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: `Function not found: ${ARN("life")}`,
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("list: pages of MaxItems in name order with NextMarker", async () => {
    for (const name of ["list-c", "list-a", "list-b"]) await createFixtureFunction(aws, name, "echo");
    const names: string[][] = [];
    let marker: string | undefined;
    do {
      const page = await aws.lambda.send(new ListFunctionsCommand({ MaxItems: 2, ...(marker === undefined ? {} : { Marker: marker }) }));
      names.push((page.Functions ?? []).map((fn) => fn.FunctionName!).filter((name) => name.startsWith("list-")));
      marker = page.NextMarker;
    } while (marker !== undefined);
    expect(names.flat()).toEqual(["list-a", "list-b", "list-c"]);
  });

  it("permission: statements with conditions, a duplicate id refused, removed by id", async () => {
    await createFixtureFunction(aws, "perm", "echo");
    const added = await aws.lambda.send(
      new AddPermissionCommand({
        FunctionName: "perm",
        StatementId: "s3",
        Action: "lambda:InvokeFunction",
        Principal: "s3.amazonaws.com",
        SourceArn: "arn:aws:s3:::docs",
        SourceAccount: "000000000000",
      }),
    );
    const statement = {
      Sid: "s3",
      Effect: "Allow",
      Principal: { Service: "s3.amazonaws.com" },
      Action: "lambda:InvokeFunction",
      Resource: ARN("perm"),
      Condition: { StringEquals: { "AWS:SourceAccount": "000000000000" }, ArnLike: { "AWS:SourceArn": "arn:aws:s3:::docs" } },
    };
    expect(JSON.parse(added.Statement!)).toEqual(statement);
    await expect(
      aws.lambda.send(new AddPermissionCommand({ FunctionName: "perm", StatementId: "s3", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com" })),
    ).rejects.toMatchObject({
      name: "ResourceConflictException",
      message: "The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.",
    });
    const policy = await aws.lambda.send(new GetPolicyCommand({ FunctionName: "perm" }));
    expect(JSON.parse(policy.Policy!)).toEqual({ Version: "2012-10-17", Id: "default", Statement: [statement] });
    await aws.lambda.send(new RemovePermissionCommand({ FunctionName: "perm", StatementId: "s3" }));
    await expect(aws.lambda.send(new GetPolicyCommand({ FunctionName: "perm" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: "The resource you requested does not exist.",
    });
    await expect(aws.lambda.send(new RemovePermissionCommand({ FunctionName: "perm", StatementId: "s3" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: "Statement s3 is not found in resource policy.",
    });
  });

  it("tags and concurrency: set, read and removed", async () => {
    await createFixtureFunction(aws, "extras", "echo");
    await aws.lambda.send(new TagResourceCommand({ Resource: ARN("extras"), Tags: { a: "1", b: "2" } }));
    await aws.lambda.send(new UntagResourceCommand({ Resource: ARN("extras"), TagKeys: ["a", "missing"] }));
    expect((await aws.lambda.send(new ListTagsCommand({ Resource: ARN("extras") }))).Tags).toEqual({ b: "2" });
    await aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "extras", ReservedConcurrentExecutions: 2 }));
    expect((await aws.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: "extras" }))).ReservedConcurrentExecutions).toBe(2);
    expect((await aws.lambda.send(new GetFunctionCommand({ FunctionName: "extras" }))).Concurrency).toEqual({ ReservedConcurrentExecutions: 2 });
    await aws.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "extras" }));
    expect((await aws.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: "extras" }))).ReservedConcurrentExecutions).toBeUndefined();
  });

  const errors: Array<[string, () => Promise<unknown>, string, string]> = [
    [
      "create: a function that exists",
      async () => (await createFixtureFunction(aws, "twice", "echo"), createFixtureFunction(aws, "twice", "echo")),
      "ResourceConflictException",
      "Function already exist: twice",
    ],
    [
      "create: a role that does not exist",
      () => createFixtureFunction(aws, "no-role", "echo", { Role: "arn:aws:iam::000000000000:role/nobody" }),
      "InvalidParameterValueException",
      "The role defined for the function cannot be assumed by Lambda.",
    ],
    [
      "create: a role that does not trust Lambda",
      async () => {
        const trust = JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        await aws.iam.send(new CreateRoleCommand({ RoleName: "ec2-role", AssumeRolePolicyDocument: trust }));
        return createFixtureFunction(aws, "ec2-fn", "echo", { Role: "arn:aws:iam::000000000000:role/ec2-role" });
      },
      "InvalidParameterValueException",
      "The role defined for the function cannot be assumed by Lambda.",
    ],
    [
      "create: a role that is not a role ARN",
      () => createFixtureFunction(aws, "bad-role", "echo", { Role: "lambda-role" }),
      "ValidationException",
      "1 validation error detected: Value 'lambda-role' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+",
    ],
    [
      "create: a reserved variable",
      () => createFixtureFunction(aws, "reserved", "echo", { Environment: { Variables: { AWS_REGION: "x", OK: "1", _HANDLER: "y" } } }),
      "InvalidParameterValueException",
      "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION, _HANDLER",
    ],
    [
      "create: a runtime the local cloud cannot run",
      () => createFixtureFunction(aws, "python", "echo", { Runtime: "python3.12" }),
      "InvalidParameterValueException",
      "The runtime parameter of python3.12 is not supported by the local cloud: it runs nodejs20.x and nodejs22.x functions.",
    ],
    [
      "create: a retired runtime",
      () => createFixtureFunction(aws, "old", "echo", { Runtime: "nodejs16.x" }),
      "InvalidParameterValueException",
      "The runtime parameter of nodejs16.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.",
    ],
    [
      "create: a timeout of 0",
      () => createFixtureFunction(aws, "zero", "echo", { Timeout: 0 }),
      "ValidationException",
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      "create: memory above 10240 MB",
      () => createFixtureFunction(aws, "huge", "echo", { MemorySize: 20000 }),
      "ValidationException",
      "1 validation error detected: Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
    ],
    [
      "create: bytes that are not a zip",
      () => createFixtureFunction(aws, "notzip", "echo", { Code: { ZipFile: Buffer.from("not a zip") } }),
      "InvalidParameterValueException",
      "Could not unzip uploaded file. Please check your file, then try to upload again.",
    ],
    [
      "update: a revision that is not the latest",
      async () => (
        await createFixtureFunction(aws, "rev", "echo"),
        aws.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "rev", Timeout: 5, RevisionId: "old" }))
      ),
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
    ],
    [
      "get: a version the local cloud does not keep",
      async () => (await createFixtureFunction(aws, "versions", "echo"), aws.lambda.send(new GetFunctionCommand({ FunctionName: "versions", Qualifier: "3" }))),
      "ResourceNotFoundException",
      `Function not found: ${ARN("versions")}:3`,
    ],
    [
      "update: a function that does not exist",
      async () => aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "ghost", ZipFile: await zipOf({ "index.js": "" }) })),
      "ResourceNotFoundException",
      `Function not found: ${ARN("ghost")}`,
    ],
  ];

  it.each(errors)("%s", async (_name, call, code, message) => {
    await expect(call()).rejects.toMatchObject({ name: code, message });
  });
});

describe("lambda with the aws CLI", () => {
  it("cli: create-function from fileb://, get-function, list-functions, delete-function", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cloud-cli-"));
    try {
      writeFileSync(join(dir, "fn.zip"), await fixtureZip("echo"));
      const created = await awsCli(
        daemon.endpoint,
        [
          "lambda",
          "create-function",
          "--function-name",
          "cli-fn",
          "--runtime",
          "nodejs20.x",
          "--role",
          ROLE_ARN,
          "--handler",
          "index.handler",
          "--zip-file",
          "fileb://fn.zip",
        ],
        dir,
      );
      expect(created.stderr).toBe("");
      expect(JSON.parse(created.stdout)).toMatchObject({ FunctionName: "cli-fn", State: "Active", Runtime: "nodejs20.x" });
      const got = await awsCli(daemon.endpoint, ["lambda", "get-function", "--function-name", "cli-fn"]);
      expect(JSON.parse(got.stdout).Configuration.FunctionArn).toBe(ARN("cli-fn"));
      const listed = await awsCli(daemon.endpoint, ["lambda", "list-functions", "--max-items", "1000"]);
      expect(JSON.parse(listed.stdout).Functions.map((fn: { FunctionName: string }) => fn.FunctionName)).toContain("cli-fn");
      expect((await awsCli(daemon.endpoint, ["lambda", "delete-function", "--function-name", "cli-fn"])).code).toBe(0);
      const missing = await awsCli(daemon.endpoint, ["lambda", "get-function", "--function-name", "cli-fn"]);
      expect(missing.stderr.trim()).toBe(
        `An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: ${ARN("cli-fn")}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
