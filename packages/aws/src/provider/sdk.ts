// The @aws-sdk v3 client packages, loaded on first use: a command that
// needs no AWS call (stack output) or only STS (an up with nothing to
// change) does not pay for loading Lambda's, IAM's, S3's and CloudWatch
// Logs' clients (together ~0.3 s). Types come from static type imports.
import { createRequire } from "node:module";
import type * as ApiGateway from "@aws-sdk/client-api-gateway";
import type * as ApiGatewayV2 from "@aws-sdk/client-apigatewayv2";
import type * as CloudWatchLogs from "@aws-sdk/client-cloudwatch-logs";
import type * as EventBridge from "@aws-sdk/client-eventbridge";
import type * as Iam from "@aws-sdk/client-iam";
import type * as Lambda from "@aws-sdk/client-lambda";
import type * as S3 from "@aws-sdk/client-s3";
import type * as Sns from "@aws-sdk/client-sns";
import type * as Sqs from "@aws-sdk/client-sqs";
import type * as DynamoDb from "@aws-sdk/client-dynamodb";
import type * as Kinesis from "@aws-sdk/client-kinesis";
import type * as Sts from "@aws-sdk/client-sts";

const load = createRequire(import.meta.url);

export const s3Api = (): typeof S3 => load("@aws-sdk/client-s3") as typeof S3;
export const lambdaApi = (): typeof Lambda => load("@aws-sdk/client-lambda") as typeof Lambda;
export const iamApi = (): typeof Iam => load("@aws-sdk/client-iam") as typeof Iam;
export const stsApi = (): typeof Sts => load("@aws-sdk/client-sts") as typeof Sts;
export const logsApi = (): typeof CloudWatchLogs => load("@aws-sdk/client-cloudwatch-logs") as typeof CloudWatchLogs;
export const apiGatewayV2Api = (): typeof ApiGatewayV2 => load("@aws-sdk/client-apigatewayv2") as typeof ApiGatewayV2;
export const apiGatewayApi = (): typeof ApiGateway => load("@aws-sdk/client-api-gateway") as typeof ApiGateway;
export const sqsApi = (): typeof Sqs => load("@aws-sdk/client-sqs") as typeof Sqs;
export const dynamodbApi = (): typeof DynamoDb => load("@aws-sdk/client-dynamodb") as typeof DynamoDb;
export const snsApi = (): typeof Sns => load("@aws-sdk/client-sns") as typeof Sns;
export const kinesisApi = (): typeof Kinesis => load("@aws-sdk/client-kinesis") as typeof Kinesis;
export const eventsApi = (): typeof EventBridge => load("@aws-sdk/client-eventbridge") as typeof EventBridge;
