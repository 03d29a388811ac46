// API Gateway for tests, made the way the engine (or a user with the SDK)
// makes it: an HTTP API with an AWS_PROXY integration per payload version,
// routes and the auto-deployed $default stage; a REST API whose resources
// come from path templates, a method and integration on each, deployed to a
// stage. Each grants apigateway.amazonaws.com the function for its API only.
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { AddPermissionCommand } from "@aws-sdk/client-lambda";
import type { Clients } from "./clients.js";

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
export const EXECUTE_API = "arn:aws:execute-api:us-east-1:000000000000";

export interface GatewayClients {
  v2: ApiGatewayV2Client;
  v1: APIGatewayClient;
  destroy(): void;
}

export function gatewayClients(endpoint: string): GatewayClients {
  const config = { endpoint, region: "us-east-1", credentials, maxAttempts: 1 };
  const v2 = new ApiGatewayV2Client(config);
  const v1 = new APIGatewayClient(config);
  return { v2, v1, destroy: () => [v2, v1].forEach((client) => client.destroy()) };
}

export interface MadeApi {
  apiId: string;
  /** Where the API is served: http://127.0.0.1:<port> (HTTP API), or its stage URL with a trailing / (REST API). */
  url: string;
}

/** Lets API Gateway invoke `functionName` for `apiId`'s requests only. */
export async function allowApi(aws: Clients, functionName: string, apiId: string, sid = `api-${apiId}`): Promise<void> {
  await aws.lambda.send(
    new AddPermissionCommand({
      FunctionName: functionName,
      StatementId: sid,
      Action: "lambda:InvokeFunction",
      Principal: "apigateway.amazonaws.com",
      SourceArn: `${EXECUTE_API}:${apiId}/*`,
    }),
  );
}

export interface HttpApiOptions {
  routeKeys: string[];
  payloadFormatVersion?: "1.0" | "2.0";
  timeoutInMillis?: number;
  /** Default true: grant the permission. */
  allow?: boolean;
}

export async function makeHttpApi(gateway: GatewayClients, aws: Clients, functionArn: string, options: HttpApiOptions): Promise<MadeApi> {
  const api = await gateway.v2.send(new CreateApiCommand({ Name: "test-http", ProtocolType: "HTTP" }));
  const apiId = api.ApiId!;
  const integration = await gateway.v2.send(
    new CreateIntegrationCommand({
      ApiId: apiId,
      IntegrationType: "AWS_PROXY",
      IntegrationUri: functionArn,
      PayloadFormatVersion: options.payloadFormatVersion ?? "2.0",
      ...(options.timeoutInMillis === undefined ? {} : { TimeoutInMillis: options.timeoutInMillis }),
    }),
  );
  for (const routeKey of options.routeKeys)
    await gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: routeKey, Target: `integrations/${integration.IntegrationId}` }));
  await gateway.v2.send(new CreateStageCommand({ ApiId: apiId, StageName: "$default", AutoDeploy: true }));
  if (options.allow !== false) await allowApi(aws, functionArn.split(":").at(-1)!, apiId);
  return { apiId, url: api.ApiEndpoint! };
}

export interface RestApiOptions {
  /** `GET /items/{id}`-style keys: a resource per path segment, a method per key. */
  routeKeys: string[];
  stageName?: string;
  binaryMediaTypes?: string[];
  timeoutInMillis?: number;
}

export async function makeRestApi(
  gateway: GatewayClients,
  aws: Clients,
  daemonEndpoint: string,
  functionArn: string,
  options: RestApiOptions,
): Promise<MadeApi> {
  const api = await gateway.v1.send(
    new CreateRestApiCommand({ name: "test-rest", ...(options.binaryMediaTypes ? { binaryMediaTypes: options.binaryMediaTypes } : {}) }),
  );
  const apiId = api.id!;
  const ids = new Map<string, string>([["/", api.rootResourceId!]]);
  for (const routeKey of options.routeKeys) {
    const [method, path] = routeKey.split(" ") as [string, string];
    const resourceId = await ensureResource(gateway, apiId, ids, path);
    await gateway.v1.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: method, authorizationType: "NONE" }));
    await gateway.v1.send(
      new PutIntegrationCommand({
        restApiId: apiId,
        resourceId,
        httpMethod: method,
        type: "AWS_PROXY",
        integrationHttpMethod: "POST",
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
        ...(options.timeoutInMillis === undefined ? {} : { timeoutInMillis: options.timeoutInMillis }),
      }),
    );
  }
  const stageName = options.stageName ?? "prod";
  await gateway.v1.send(new CreateDeploymentCommand({ restApiId: apiId, stageName }));
  await allowApi(aws, functionArn.split(":").at(-1)!, apiId);
  return { apiId, url: `${await servedAt(daemonEndpoint, apiId)}/${stageName}/` };
}

async function ensureResource(gateway: GatewayClients, apiId: string, ids: Map<string, string>, path: string): Promise<string> {
  let current = "";
  let parent = ids.get("/")!;
  for (const part of path.split("/").filter((p) => p !== "")) {
    current += `/${part}`;
    let id = ids.get(current);
    if (id === undefined) {
      id = (await gateway.v1.send(new CreateResourceCommand({ restApiId: apiId, parentId: parent, pathPart: part }))).id!;
      ids.set(current, id);
    }
    parent = id;
  }
  return parent;
}

/** Where the local cloud serves an API (its control call; a REST API has no endpoint field). */
export async function servedAt(daemonEndpoint: string, apiId: string): Promise<string> {
  const response = await fetch(`${daemonEndpoint}/_closure-pack/apigateway/endpoints/${apiId}`);
  return ((await response.json()) as { endpoint: string }).endpoint;
}

/** The ids of a REST API's resources by path. */
export async function resourceIds(gateway: GatewayClients, apiId: string): Promise<Map<string, string>> {
  const { items = [] } = await gateway.v1.send(new GetResourcesCommand({ restApiId: apiId }));
  return new Map(items.map((item) => [item.path!, item.id!]));
}

/** base64 of JSON, for the apigw fixture's x-reply header. */
export function replyHeader(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64");
}
