// Public API of @closure-pack/aws: the resource SDK a program imports.
// The engine the CLI drives is the separate entry @closure-pack/aws/engine.
export * as s3 from "./s3/index.js";
export * as lambda from "./lambda/index.js";
export * as sqs from "./sqs/index.js";
export * as dynamodb from "./dynamodb/index.js";
export * as sns from "./sns/index.js";
export * as cloudwatch from "./cloudwatch/index.js";
export * as kinesis from "./kinesis/index.js";
export * as iam from "./iam/index.js";
export * as asset from "./asset/index.js";
export * as apigateway from "./apigateway/index.js";
export { Output, output, all, interpolate, concat, type Input, type Unwrap } from "./core/output.js";
export { Resource, type ResourceOptions } from "./core/resource.js";
export { AwsError, type AwsErrorCode } from "./errors.js";
export { getAccountId, getRegion, getStack, getProject } from "./core/context.js";
