// The provider's view of a target: one lazily made @aws-sdk v3 client per
// service, the account (STS GetCallerIdentity, once), the naming context and
// the retry settings (retry-policy.ts) and bounds for AWS's eventual
// consistency. An optional observer sees every call (tests count them).
import type { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import type { IAMClient } from "@aws-sdk/client-iam";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { S3Client } from "@aws-sdk/client-s3";
import type { SNSClient } from "@aws-sdk/client-sns";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { KinesisClient } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { STSClient } from "@aws-sdk/client-sts";
import { apiGatewayApi, apiGatewayV2Api, eventsApi, dynamodbApi, iamApi, kinesisApi, lambdaApi, logsApi, s3Api, snsApi, sqsApi, stsApi } from "./sdk.js";
import { clientRetryConfig } from "./retry-policy.js";
import type { Target } from "./target.js";

export type CallObserver = (service: string, command: string) => void;

export interface Clients {
  s3: S3Client;
  lambda: LambdaClient;
  iam: IAMClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  /** HTTP APIs (API Gateway v2). */
  apigatewayv2: ApiGatewayV2Client;
  /** REST APIs (API Gateway v1). */
  apigateway: APIGatewayClient;
  sqs: SQSClient;
  dynamodb: DynamoDBClient;
  sns: SNSClient;
  /** EventBridge (rules and targets). */
  events: EventBridgeClient;
  kinesis: KinesisClient;
}

export interface ProviderOptions {
  observe?: CallObserver;
  /** Delay between retries while a new role propagates or a function updates; default 1000 ms on AWS, 50 locally. */
  retryDelayMs?: number;
  /** Retries of those; default 30. */
  retries?: number;
}

export interface ProviderContext {
  target: Target;
  clients: Clients;
  accountId(): Promise<string>;
  retryDelayMs: number;
  retries: number;
  /** Tags every created resource carries (stack, project, name are added per resource). */
  stack: string;
  project: string;
  destroy(): void;
}

export function createProviderContext(target: Target, naming: { stack: string; project: string }, options: ProviderOptions = {}): ProviderContext {
  const config = {
    region: target.region,
    ...clientRetryConfig(target),
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(target.credentials === undefined ? {} : { credentials: target.credentials }),
    ...(target.profile === undefined ? {} : { profile: target.profile }),
  };
  const made: Partial<Clients> = {};
  const make = <K extends keyof Clients>(key: K, create: () => Clients[K]): Clients[K] => {
    if (made[key] === undefined) {
      const client = create();
      if (options.observe !== undefined) observeCalls(client, key, options.observe);
      made[key] = client;
    }
    return made[key]!;
  };
  const clients: Clients = {
    get s3() {
      // Path-style: a local endpoint has no per-bucket host names.
      return make("s3", () => new (s3Api().S3Client)({ ...config, forcePathStyle: target.endpoint !== undefined }));
    },
    get lambda() {
      return make("lambda", () => new (lambdaApi().LambdaClient)(config));
    },
    get iam() {
      return make("iam", () => new (iamApi().IAMClient)(config));
    },
    get sts() {
      return make("sts", () => new (stsApi().STSClient)(config));
    },
    get logs() {
      return make("logs", () => new (logsApi().CloudWatchLogsClient)(config));
    },
    get apigatewayv2() {
      return make("apigatewayv2", () => new (apiGatewayV2Api().ApiGatewayV2Client)(config));
    },
    get apigateway() {
      return make("apigateway", () => new (apiGatewayApi().APIGatewayClient)(config));
    },
    get sqs() {
      return make("sqs", () => new (sqsApi().SQSClient)(config));
    },
    get dynamodb() {
      return make("dynamodb", () => new (dynamodbApi().DynamoDBClient)(config));
    },
    get sns() {
      return make("sns", () => new (snsApi().SNSClient)(config));
    },
    get events() {
      return make("events", () => new (eventsApi().EventBridgeClient)(config));
    },
    get kinesis() {
      // HTTP/1.1, as the aws CLI: the SDK's Kinesis default, HTTP/2, works too (AWS and the local cloud take both).
      return make("kinesis", () => new (kinesisApi().KinesisClient)({ ...config, requestHandler: new NodeHttpHandler() }));
    },
  };
  let account: Promise<string> | undefined;
  return {
    target,
    clients,
    accountId: () => (account ??= clients.sts.send(new (stsApi().GetCallerIdentityCommand)({})).then((r) => r.Account ?? "000000000000")),
    retryDelayMs: options.retryDelayMs ?? (target.kind === "aws" && target.endpoint === undefined ? 1000 : 50),
    retries: options.retries ?? 30,
    stack: naming.stack,
    project: naming.project,
    destroy: () => Object.values(made).forEach((client) => client.destroy()),
  };
}

function observeCalls(client: { middlewareStack: { add: Function } }, service: string, observe: CallObserver): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
      observe(service, (context.commandName ?? "").replace(/Command$/, ""));
      return next(args);
    },
    { step: "initialize", name: "closurePackObserveCalls" },
  );
}
