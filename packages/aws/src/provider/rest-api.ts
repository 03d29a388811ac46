// aws:apigateway:RestApi through API Gateway v1: CreateRestApi, a resource
// per path segment, a method with a Lambda proxy integration per route, and
// a deployment to the stage after every change (a REST API serves only what
// was deployed). Its id is the API's name: read finds it by name and the
// stack's tags (CreateRestApi sets them), so a create interrupted by a crash
// is adopted and an API of that name made by someone else is never touched. The local cloud says where it
// serves the API (a REST API has no endpoint field); on AWS the URL is
// https://<id>.execute-api.<region>.amazonaws.com/<stage>/.
import type { Resource as ApiResource } from "@aws-sdk/client-api-gateway";
import { TYPES } from "../core/types.js";
import { isNotFound, isOwnResource, resourceTags } from "./calls.js";
import { sameTags } from "./http-api.js";
import type { ApplyContext, Outputs, Provider } from "./provider.js";
import { apiGatewayApi } from "./sdk.js";

interface RouteInput {
  method: string;
  path: string;
  function: string;
}

/** The REST API named `name` that this stack made (its tags say), or whose id is `name` (for get()), or undefined. */
async function findRestApi(context: ApplyContext, name: string): Promise<string | undefined> {
  const api = apiGatewayApi();
  let position: string | undefined;
  do {
    const page = await context.clients.apigateway.send(new api.GetRestApisCommand({ limit: 500, ...(position === undefined ? {} : { position }) }));
    const found = (page.items ?? []).find((item) => item.id === name || (item.name === name && isOwnResource(context, item.tags)));
    if (found !== undefined) return found.id!;
    position = page.position;
  } while (position !== undefined);
  return undefined;
}

async function endpointOf(context: ApplyContext, apiId: string): Promise<string> {
  if (context.target.kind !== "local") return `https://${apiId}.execute-api.${context.target.region}.amazonaws.com`;
  const response = await fetch(`${context.target.endpoint}/_closure-pack/apigateway/endpoints/${apiId}`);
  if (!response.ok) throw new Error(`the local cloud does not serve REST API ${apiId} (${response.status})`);
  return ((await response.json()) as { endpoint: string }).endpoint;
}

async function outputs(context: ApplyContext, apiId: string, stageName: string): Promise<Outputs> {
  const apiEndpoint = await endpointOf(context, apiId);
  return {
    apiId,
    apiEndpoint,
    url: `${apiEndpoint}/${stageName}/`,
    executionArn: `arn:aws:execute-api:${context.target.region}:${await context.accountId()}:${apiId}`,
  };
}

async function resourcesOf(context: ApplyContext, apiId: string): Promise<ApiResource[]> {
  const items: ApiResource[] = [];
  let position: string | undefined;
  do {
    const page = await context.clients.apigateway.send(
      new (apiGatewayApi().GetResourcesCommand)({ restApiId: apiId, embed: ["methods"], limit: 500, ...(position === undefined ? {} : { position }) }),
    );
    items.push(...(page.items ?? []));
    position = page.position;
  } while (position !== undefined);
  return items;
}

function lambdaUri(context: ApplyContext, functionArn: string): string {
  return `arn:aws:apigateway:${context.target.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** Makes the API's resources, methods and integrations what `routes` declares. */
async function reconcile(context: ApplyContext, apiId: string, routes: readonly RouteInput[]): Promise<void> {
  const api = apiGatewayApi();
  const client = context.clients.apigateway;
  const resources = await resourcesOf(context, apiId);
  const ids = new Map(resources.map((resource) => [resource.path!, resource.id!]));
  const desired = new Map(routes.map((route) => [`${route.method} ${route.path}`, lambdaUri(context, route.function)]));
  for (const resource of resources) {
    for (const [method, doc] of Object.entries(resource.resourceMethods ?? {})) {
      const uri = desired.get(`${method} ${resource.path!}`);
      if (uri === undefined) await client.send(new api.DeleteMethodCommand({ restApiId: apiId, resourceId: resource.id!, httpMethod: method }));
      else if (doc.methodIntegration?.uri === uri && doc.methodIntegration.type === "AWS_PROXY") desired.delete(`${method} ${resource.path!}`);
      else {
        await putIntegration(context, apiId, resource.id!, method, uri);
        desired.delete(`${method} ${resource.path!}`);
      }
    }
  }
  for (const [key, uri] of desired) {
    const [method, path] = [key.slice(0, key.indexOf(" ")), key.slice(key.indexOf(" ") + 1)];
    const resourceId = await ensureResource(context, apiId, ids, path);
    await client.send(new api.PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: method, authorizationType: "NONE" }));
    await putIntegration(context, apiId, resourceId, method, uri);
  }
  await pruneResources(context, apiId, resources, routes);
}

async function putIntegration(context: ApplyContext, apiId: string, resourceId: string, method: string, uri: string): Promise<void> {
  await context.clients.apigateway.send(
    new (apiGatewayApi().PutIntegrationCommand)({ restApiId: apiId, resourceId, httpMethod: method, type: "AWS_PROXY", integrationHttpMethod: "POST", uri }),
  );
}

/** The resource at `path`, made (with its parents) when missing. */
async function ensureResource(context: ApplyContext, apiId: string, ids: Map<string, string>, path: string): Promise<string> {
  let current = "";
  let parentId = ids.get("/")!;
  for (const part of path.split("/").filter((p) => p !== "")) {
    current += `/${part}`;
    let id = ids.get(current);
    if (id === undefined) {
      id = (await context.clients.apigateway.send(new (apiGatewayApi().CreateResourceCommand)({ restApiId: apiId, parentId, pathPart: part }))).id!;
      ids.set(current, id);
    }
    parentId = id;
  }
  return parentId;
}

/** Deletes the resources no route uses any more, children first, so no child outlives its parent where a service does not cascade the delete (moto). */
async function pruneResources(context: ApplyContext, apiId: string, resources: readonly ApiResource[], routes: readonly RouteInput[]): Promise<void> {
  const inUse = (path: string) => routes.some((route) => route.path === path || route.path.startsWith(`${path}/`));
  const depth = (resource: ApiResource) => resource.path!.split("/").length;
  const unused = resources.filter((resource) => resource.path !== "/" && !inUse(resource.path!)).sort((a, b) => depth(b) - depth(a));
  for (const resource of unused) {
    try {
      await context.clients.apigateway.send(new (apiGatewayApi().DeleteResourceCommand)({ restApiId: apiId, resourceId: resource.id! }));
    } catch (error) {
      if (!isNotFound(error, "NotFoundException")) throw error;
    }
  }
}

async function converge(context: ApplyContext, apiId: string, inputs: Record<string, unknown>): Promise<Outputs> {
  const stageName = String(inputs.stageName ?? "stage");
  await reconcile(context, apiId, (inputs.routes as RouteInput[] | undefined) ?? []);
  await setBinaryMediaTypes(context, apiId, (inputs.binaryMediaTypes as string[] | undefined) ?? []);
  await context.clients.apigateway.send(new (apiGatewayApi().CreateDeploymentCommand)({ restApiId: apiId, stageName }));
  return outputs(context, apiId, stageName);
}

async function setBinaryMediaTypes(context: ApplyContext, apiId: string, wanted: readonly string[]): Promise<void> {
  const api = apiGatewayApi();
  const current = (await context.clients.apigateway.send(new api.GetRestApiCommand({ restApiId: apiId }))).binaryMediaTypes ?? [];
  const escape = (type: string) => type.replaceAll("~", "~0").replaceAll("/", "~1");
  const patchOperations = [
    ...wanted.filter((type) => !current.includes(type)).map((type) => ({ op: "add" as const, path: `/binaryMediaTypes/${escape(type)}` })),
    ...current.filter((type) => !wanted.includes(type)).map((type) => ({ op: "remove" as const, path: `/binaryMediaTypes/${escape(type)}` })),
  ];
  if (patchOperations.length > 0) await context.clients.apigateway.send(new api.UpdateRestApiCommand({ restApiId: apiId, patchOperations }));
}

/** Makes the API's tags the stack's and the program's: adds or changes, then removes the rest. */
async function retag(context: ApplyContext, apiId: string, inputs: Record<string, unknown>): Promise<void> {
  const api = apiGatewayApi();
  const resourceArn = `arn:aws:apigateway:${context.target.region}::/restapis/${apiId}`;
  const wanted = resourceTags(context, inputs.tags);
  const { tags = {} } = await context.clients.apigateway.send(new api.GetTagsCommand({ resourceArn }));
  await context.clients.apigateway.send(new api.TagResourceCommand({ resourceArn, tags: wanted }));
  const removed = Object.keys(tags).filter((key) => !(key in wanted));
  if (removed.length > 0) await context.clients.apigateway.send(new api.UntagResourceCommand({ resourceArn, tagKeys: removed }));
}

async function makeRestApi(context: ApplyContext, name: string, inputs: Record<string, unknown>): Promise<string> {
  const made = await context.clients.apigateway.send(new (apiGatewayApi().CreateRestApiCommand)({ name, tags: resourceTags(context, inputs.tags) }));
  return made.id!;
}

export const restApiProvider: Provider = {
  type: TYPES.restApi,
  nameRule: { max: 128 },
  replaceKeys: [],
  identity: (_inputs, generated) => generated,
  predict: () => ({}),

  async read(context, id, inputs) {
    const apiId = await findRestApi(context, id);
    return apiId === undefined ? undefined : outputs(context, apiId, String(inputs.stageName ?? "stage"));
  },

  async create(context, id, inputs) {
    const apiId = (await findRestApi(context, id)) ?? (await makeRestApi(context, id, inputs));
    return converge(context, apiId, inputs);
  },

  async update(context, id, olds, inputs) {
    const apiId = (await findRestApi(context, id)) ?? (await makeRestApi(context, id, inputs));
    if (!sameTags(olds.tags, inputs.tags)) await retag(context, apiId, inputs);
    const made = await converge(context, apiId, inputs);
    // A renamed stage: the old one stops serving.
    if (typeof olds.stageName === "string" && olds.stageName !== inputs.stageName) {
      try {
        await context.clients.apigateway.send(new (apiGatewayApi().DeleteStageCommand)({ restApiId: apiId, stageName: olds.stageName }));
      } catch (error) {
        if (!isNotFound(error, "NotFoundException")) throw error;
      }
    }
    return made;
  },

  async delete(context, id, _inputs, previous) {
    const apiId = typeof previous.apiId === "string" ? previous.apiId : await findRestApi(context, id);
    if (apiId === undefined) return;
    try {
      await context.clients.apigateway.send(new (apiGatewayApi().DeleteRestApiCommand)({ restApiId: apiId }));
    } catch (error) {
      if (!isNotFound(error, "NotFoundException")) throw error;
    }
  },
};
