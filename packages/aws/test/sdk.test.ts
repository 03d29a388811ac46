// The SDK's refusals (each a whole message) and its outputs.
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { declare, messageOf } from "./support/program.js";

const handler = () => undefined;

const REFUSALS: Array<{ name: string; build: () => void; message: string }> = [
  {
    name: "name: the same bucket twice",
    build: () => {
      new aws.s3.Bucket("docs");
      new aws.s3.Bucket("docs");
    },
    message:
      'packages/aws/test/sdk.test.ts:N: aws:s3:Bucket "docs" is declared twice (first at packages/aws/test/sdk.test.ts:N)\nhint: names are unique per resource type: give one of them another name',
  },
  {
    name: "callback: both callback and callbackFactory",
    build: () => new aws.lambda.CallbackFunction("fn", { callback: handler, callbackFactory: () => handler }),
    message:
      'packages/aws/test/sdk.test.ts:N: aws:lambda:Function "fn": both "callback" and "callbackFactory" are given: exactly one is required\nhint: callback: (event) => {...}, or callbackFactory: () => { /* once per cold start */ return (event) => {...} }',
  },
  {
    name: "callback: neither callback nor callbackFactory",
    build: () => new aws.lambda.CallbackFunction("fn", {}),
    message:
      'packages/aws/test/sdk.test.ts:N: aws:lambda:Function "fn": neither "callback" nor "callbackFactory" is given: exactly one is required\nhint: callback: (event) => {...}, or callbackFactory: () => { /* once per cold start */ return (event) => {...} }',
  },
  {
    name: "callback: memorySize out of range",
    build: () => new aws.lambda.CallbackFunction("fn", { callback: handler, memorySize: 64 }),
    message: 'packages/aws/test/sdk.test.ts:N: aws:lambda:Function "fn": "memorySize" must be a whole number from 128 to 10240, got 64',
  },
  {
    name: "subscription: two overlapping prefixes on one bucket",
    build: () => {
      const bucket = new aws.s3.Bucket("docs");
      bucket.onObjectCreated("a", handler, { filterPrefix: "img/" });
      bucket.onObjectCreated("b", handler, { event: "Put", filterPrefix: "img/raw/" });
    },
    message:
      'packages/aws/test/sdk.test.ts:N: subscription "b" overlaps subscription "a" (declared at packages/aws/test/sdk.test.ts:N): the same event type with overlapping prefix/suffix filters\nhint: AWS refuses overlapping notifications on one bucket: use distinct events or non-overlapping filterPrefix/filterSuffix',
  },
  {
    name: "subscription: unknown event name",
    build: () => new aws.s3.Bucket("docs").onEvent("a", handler, { events: ["s3:ObjectCreated:Fetch"] }),
    message:
      'packages/aws/test/sdk.test.ts:N: aws:s3:Bucket "docs": onEvent "a": "events" must list S3 event names, got "s3:ObjectCreated:Fetch"\nhint: events: ["s3:ObjectCreated:*"]',
  },
  {
    name: "function: policies with a role",
    build: () =>
      new aws.lambda.CallbackFunction("fn", { callback: handler, role: "arn:aws:iam::1:role/r", policies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }),
    message:
      'packages/aws/test/sdk.test.ts:N: aws:lambda:Function "fn": "policies" applies only to the role made for the function, and "role" is given\nhint: attach the policies to your role instead',
  },
  {
    name: "output: get() at deploy time",
    build: () => new aws.s3.Bucket("docs").bucketName.get(),
    message:
      "Output.get(): an output's value is known only inside a deployed function\nhint: use output.apply(value => ...) at deploy time, or call get() inside the handler",
  },
];

describe("refusals", () => {
  test.each(REFUSALS)("$name", ({ build, message }) => {
    expect(messageOf(build)).toBe(message);
  });
});

test("subscription: different events and disjoint filters are accepted", () => {
  const program = declare(() => {
    const bucket = new aws.s3.Bucket("docs");
    bucket.onObjectCreated("a", handler, { filterPrefix: "img/" });
    bucket.onObjectCreated("b", handler, { filterPrefix: "doc/" });
    bucket.onObjectRemoved("c", handler, { filterPrefix: "img/" });
  });
  const notification = program.byKey.get("aws:s3:BucketNotification::docs")!;
  expect((notification.descriptor.inputs.lambdaFunctions as unknown[]).length).toBe(3);
});

test("subscription: a closure makes a function, its role, logging policy and permission; the notification waits for the permission", () => {
  const program = declare(() => new aws.s3.Bucket("docs").onObjectCreated("docsHandler", handler));
  expect(program.nodes.map((node) => node.key)).toEqual([
    "aws:s3:Bucket::docs",
    "aws:iam:Role::docsHandler",
    "aws:lambda:Function::docsHandler",
    "aws:iam:RolePolicy::docsHandler",
    "aws:lambda:Permission::docsHandler",
    "aws:s3:BucketNotification::docs",
  ]);
  expect([...program.byKey.get("aws:s3:BucketNotification::docs")!.dependencies].sort()).toEqual([
    "aws:lambda:Function::docsHandler",
    "aws:lambda:Permission::docsHandler",
    "aws:s3:Bucket::docs",
  ]);
});

const LOOKUP: ValueLookup = {
  property: (_resource, key) => (key === "bucketName" ? "docs-1234567" : UNKNOWN),
  context: (key) => (key === "region" ? "eu-west-1" : UNKNOWN),
};

const OUTPUTS: Array<{ name: string; make: (bucket: aws.s3.Bucket) => unknown; value: unknown }> = [
  { name: "output: a property", make: (b) => b.bucketName, value: "docs-1234567" },
  { name: "output: apply", make: (b) => b.bucketName.apply((n) => n.toUpperCase()), value: "DOCS-1234567" },
  { name: "output: interpolate", make: (b) => aws.interpolate`s3://${b.bucketName}/${aws.getRegion()}`, value: "s3://docs-1234567/eu-west-1" },
  { name: "output: all", make: (b) => aws.all([b.bucketName, 1]), value: ["docs-1234567", 1] },
  { name: "output: unknown stays unknown through apply", make: (b) => b.arn.apply((a) => a.length), value: UNKNOWN },
  { name: "output: nested in an object", make: (b) => ({ names: [b.bucketName] }), value: { names: ["docs-1234567"] } },
];

describe("outputs", () => {
  test.each(OUTPUTS)("$name", ({ make, value }) => {
    let made: unknown;
    declare(() => (made = make(new aws.s3.Bucket("docs"))));
    expect(resolveValue(made, LOOKUP)).toEqual(value);
  });
});

const GETS: Array<{ name: string; get: () => unknown; type: string }> = [
  { name: "get: Bucket", get: () => aws.s3.Bucket.get("r", "id"), type: "aws:s3:Bucket" },
  { name: "get: BucketNotification", get: () => aws.s3.BucketNotification.get("r", "id"), type: "aws:s3:BucketNotification" },
  { name: "get: Function", get: () => aws.lambda.Function.get("r", "id"), type: "aws:lambda:Function" },
  { name: "get: CallbackFunction", get: () => aws.lambda.CallbackFunction.get("r", "id"), type: "aws:lambda:Function" },
  { name: "get: Permission", get: () => aws.lambda.Permission.get("r", "fn:id"), type: "aws:lambda:Permission" },
  { name: "get: Role", get: () => aws.iam.Role.get("r", "id"), type: "aws:iam:Role" },
  { name: "get: RolePolicy", get: () => aws.iam.RolePolicy.get("r", "role:id"), type: "aws:iam:RolePolicy" },
  { name: "get: RolePolicyAttachment", get: () => aws.iam.RolePolicyAttachment.get("r", "role/arn"), type: "aws:iam:RolePolicyAttachment" },
];

describe("get", () => {
  test.each(GETS)("$name", ({ get, type }) => {
    const program = declare(() => get());
    expect(program.nodes.map((node) => [node.descriptor.type, node.descriptor.readId !== undefined])).toEqual([[type, true]]);
  });
});
