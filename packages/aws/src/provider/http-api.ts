// aws:apigatewayv2:Api through API Gateway v2: CreateApi (HTTP), one
// AWS_PROXY integration (payload 2.0) per function, a route per declared
// method and path, and the auto-deployed `$default` stage. Its id is the
// API's name (AWS picks the API id): read finds the API by name and the
// stack's tags (CreateApi sets them), so a create interrupted by a crash is
// found and adopted, while an API of that name made by someone else (names
// are not unique) is never touched. Update and an adopted API reconcile the
// routes with what the program declares.
import type { Integration, Route } from "@aws-sdk/client-apigatewayv2";
import { TYPES } from "../core/types.js";
import { isNotFound, isOwnResource, resourceTags } from "./calls.js";
import type { ApplyContext, Outputs, Provider } from "./provider.js";
import { apiGatewayV2Api } from "./sdk.js";

interface RouteInput {
  method: string;
  path: string;
  function: string;
}

interface FoundApi {
  apiId: string;
  apiEndpoint: string;
}

async function outputs(context: ApplyContext, api: FoundApi): Promise<Outputs> {
  return {
    apiId: api.apiId,
    apiEndpoint: api.apiEndpoint,
    url: `${api.apiEndpoint}/`,
    executionArn: `arn:aws:execute-api:${context.target.region}:${await context.accountId()}:${api.apiId}`,
  };
}

/** The API named `name` that this stack made (its tags say), or whose id is `name` (for get()), or undefined. */
async function findApi(context: ApplyContext, name: string): Promise<FoundApi | undefined> {
  const api = apiGatewayV2Api();
  let token: string | undefined;
  do {
    const page = await context.clients.apigatewayv2.send(new api.GetApisCommand({ ...(token === undefined ? {} : { NextToken: token }) }));
    const found = (page.Items ?? []).find((item) => item.ApiId === name || (item.Name === name && isOwnResource(context, item.Tags)));
    if (found !== undefined) return { apiId: found.ApiId!, apiEndpoint: found.ApiEndpoint! };
    token = page.NextToken;
  } while (token !== undefined);
  return undefined;
}

async function listAll<T>(fetchPage: (token: string | undefined) => Promise<{ Items?: T[] | undefined; NextToken?: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...(page.Items ?? []));
    token = page.NextToken;
  } while (token !== undefined);
  return items;
}

/** Makes the API's routes and integrations what `routes` declares: adds, retargets and removes. */
async function reconcile(context: ApplyContext, apiId: string, routes: readonly RouteInput[]): Promise<void> {
  const api = apiGatewayV2Api();
  const client = context.clients.apigatewayv2;
  const token = (t: string | undefined) => (t === undefined ? {} : { NextToken: t });
  const integrations = await listAll<Integration>((t) => client.send(new api.GetIntegrationsCommand({ ApiId: apiId, ...token(t) })));
  const existing = await listAll<Route>((t) => client.send(new api.GetRoutesCommand({ ApiId: apiId, ...token(t) })));
  const byFunction = new Map(
    integrations.filter((i) => i.IntegrationType === "AWS_PROXY" && i.PayloadFormatVersion === "2.0").map((i) => [i.IntegrationUri!, i.IntegrationId!]),
  );
  const integrationFor = async (functionArn: string): Promise<string> => {
    const known = byFunction.get(functionArn);
    if (known !== undefined) return known;
    const made = await client.send(
      new api.CreateIntegrationCommand({ ApiId: apiId, IntegrationType: "AWS_PROXY", IntegrationUri: functionArn, PayloadFormatVersion: "2.0" }),
    );
    byFunction.set(functionArn, made.IntegrationId!);
    return made.IntegrationId!;
  };
  const desired = new Map(routes.map((route) => [`${route.method} ${route.path}`, route.function]));
  for (const route of existing) {
    const functionArn = desired.get(route.RouteKey!);
    if (functionArn === undefined) await client.send(new api.DeleteRouteCommand({ ApiId: apiId, RouteId: route.RouteId! }));
    else {
      const target = `integrations/${await integrationFor(functionArn)}`;
      if (route.Target !== target) await client.send(new api.UpdateRouteCommand({ ApiId: apiId, RouteId: route.RouteId!, Target: target }));
      desired.delete(route.RouteKey!);
    }
  }
  for (const [routeKey, functionArn] of desired) {
    await client.send(new api.CreateRouteCommand({ ApiId: apiId, RouteKey: routeKey, Target: `integrations/${await integrationFor(functionArn)}` }));
  }
  const used = new Set(routes.map((route) => byFunction.get(route.function)));
  for (const integration of integrations) {
    if (!used.has(integration.IntegrationId)) await client.send(new api.DeleteIntegrationCommand({ ApiId: apiId, IntegrationId: integration.IntegrationId! }));
  }
}

async function ensureStage(context: ApplyContext, apiId: string): Promise<void> {
  const api = apiGatewayV2Api();
  const { Items = [] } = await context.clients.apigatewayv2.send(new api.GetStagesCommand({ ApiId: apiId }));
  if (Items.some((stage) => stage.StageName === "$default")) return;
  await context.clients.apigatewayv2.send(new api.CreateStageCommand({ ApiId: apiId, StageName: "$default", AutoDeploy: true }));
}

async function converge(context: ApplyContext, found: FoundApi, inputs: Record<string, unknown>): Promise<Outputs> {
  await reconcile(context, found.apiId, (inputs.routes as RouteInput[] | undefined) ?? []);
  await ensureStage(context, found.apiId);
  return outputs(context, found);
}

export const httpApiProvider: Provider = {
  type: TYPES.httpApi,
  nameRule: { max: 128 },
  replaceKeys: [],
  identity: (_inputs, generated) => generated,
  // AWS picks the API's id: nothing is known before it exists.
  predict: () => ({}),

  async read(context, id) {
    const found = await findApi(context, id);
    return found === undefined ? undefined : outputs(context, found);
  },

  async create(context, id, inputs) {
    // Made before a crash: its name is this stack's deterministic one, its tags the stack's.
    const found = (await findApi(context, id)) ?? (await makeApi(context, id, inputs));
    return converge(context, found, inputs);
  },

  async update(context, id, olds, inputs) {
    // Deleted behind the stack's back: made again (under a new id and URL).
    const found = (await findApi(context, id)) ?? (await makeApi(context, id, inputs));
    if (!sameTags(olds.tags, inputs.tags)) await retag(context, found.apiId, inputs);
    return converge(context, found, inputs);
  },

  async delete(context, id, _inputs, previous) {
    const apiId = typeof previous.apiId === "string" ? previous.apiId : (await findApi(context, id))?.apiId;
    if (apiId === undefined) return;
    try {
      await context.clients.apigatewayv2.send(new (apiGatewayV2Api().DeleteApiCommand)({ ApiId: apiId }));
    } catch (error) {
      if (!isNotFound(error, "NotFoundException")) throw error;
    }
  },
};

export function sameTags(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** Makes the API's tags the stack's and the program's: adds or changes, then removes the rest. */
async function retag(context: ApplyContext, apiId: string, inputs: Record<string, unknown>): Promise<void> {
  const api = apiGatewayV2Api();
  const ResourceArn = `arn:aws:apigateway:${context.target.region}::/apis/${apiId}`;
  const wanted = resourceTags(context, inputs.tags);
  const { Tags = {} } = await context.clients.apigatewayv2.send(new api.GetTagsCommand({ ResourceArn }));
  await context.clients.apigatewayv2.send(new api.TagResourceCommand({ ResourceArn, Tags: wanted }));
  const removed = Object.keys(Tags).filter((key) => !(key in wanted));
  if (removed.length > 0) await context.clients.apigatewayv2.send(new api.UntagResourceCommand({ ResourceArn, TagKeys: removed }));
}

async function makeApi(context: ApplyContext, name: string, inputs: Record<string, unknown>): Promise<FoundApi> {
  const made = await context.clients.apigatewayv2.send(
    new (apiGatewayV2Api().CreateApiCommand)({ Name: name, ProtocolType: "HTTP", Tags: resourceTags(context, inputs.tags) }),
  );
  return { apiId: made.ApiId!, apiEndpoint: made.ApiEndpoint! };
}
