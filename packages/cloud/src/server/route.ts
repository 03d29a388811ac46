// Which service a request is for. A signed request names it in its SigV4
// credential scope (`Credential=AKID/20261207/us-east-1/s3/aws4_request`, in
// the Authorization header or, presigned, in X-Amz-Credential); an unsigned
// one (`aws --no-sign-request`) by the JSON protocols' X-Amz-Target, Lambda's
// dated path prefixes, and otherwise it is S3, whose paths are free-form.
import type { IncomingHttpHeaders } from "node:http";
import type { ServiceName } from "./aws-request.js";

const SERVICES: ReadonlySet<string> = new Set<ServiceName>(["s3", "lambda", "iam", "sts", "logs", "sqs", "sns", "dynamodb", "kinesis", "events", "apigateway"]);

// X-Amz-Target prefixes of the JSON protocols (awsJson1_0 / awsJson1_1).
const TARGET_PREFIXES: ReadonlyArray<readonly [string, ServiceName]> = [
  ["Logs_20140328.", "logs"],
  ["AmazonSQS.", "sqs"],
  ["DynamoDB_20120810.", "dynamodb"],
  ["DynamoDBStreams_20120810.", "dynamodb"],
  ["Kinesis_20131202.", "kinesis"],
  ["AWSEvents.", "events"],
];

// Lambda's REST paths all start with an API date.
const LAMBDA_PATH = /^\/20(15-03-31|16-08-19|17-03-31|17-10-31|18-10-31|19-09-25|19-09-30|20-04-22|20-06-30|21-10-31)\//;

/** The parsed SigV4 credential scope of a request, when it is signed. */
export interface CredentialScope {
  accessKeyId: string;
  region: string;
  service: string;
}

/** Reads the credential scope from the Authorization header or the presigned query. */
export function readCredentialScope(headers: IncomingHttpHeaders, query: ReadonlyMap<string, string>): CredentialScope | undefined {
  const authorization = headers.authorization;
  const credential = authorization === undefined ? query.get("X-Amz-Credential") : /Credential=([^,\s]+)/.exec(authorization)?.[1];
  if (credential === undefined) return undefined;
  const [accessKeyId, , region, service] = credential.split("/");
  if (accessKeyId === undefined || region === undefined || service === undefined) return undefined;
  return { accessKeyId, region, service };
}

/** The service a request is for, or undefined when its scope names one the daemon does not speak. */
export function routeRequest(path: string, headers: IncomingHttpHeaders, scope: CredentialScope | undefined): ServiceName | undefined {
  if (scope !== undefined) {
    // SQS's JSON protocol signs as "sqs"; DynamoDB Streams signs as "dynamodb";
    // HTTP APIs (apigatewayv2) sign as "apigateway": one name each here.
    return SERVICES.has(scope.service) ? (scope.service as ServiceName) : undefined;
  }
  const target = headers["x-amz-target"];
  if (typeof target === "string") {
    for (const [prefix, service] of TARGET_PREFIXES) if (target.startsWith(prefix)) return service;
    return undefined;
  }
  if (LAMBDA_PATH.test(path)) return "lambda";
  return "s3";
}
