// A REST API's resource tree (apigateway): resources made of path parts
// under the root `/`, the methods on each and each method's integration.
// Path parts are checked as AWS checks them: one variable part among
// siblings, no children under a greedy `{proxy+}`, no two siblings alike.
import { parseSegment, parseTemplate } from "./path-template.js";
import { requireApi, requireItem, type GatewayAction, type GatewayState } from "./gateway-state.js";
import { HTTP_METHODS } from "./http-api-parts.js";
import { badRequest, compact, conflict, newId, notFound, readJson, reply, stringField, timeoutField, type Json } from "./wire.js";

// REST APIs allow integrations up to 29 s.
export const REST_TIMEOUT_MAX_MS = 29_000;
const INTEGRATION_TYPES: readonly string[] = ["AWS_PROXY", "AWS", "HTTP", "HTTP_PROXY", "MOCK"];

export interface MethodDoc extends Json {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  methodIntegration?: Json & { type: string; uri?: string; timeoutInMillis: number };
}

export interface ResourceDoc extends Json {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, MethodDoc>;
}

function requireResource(state: GatewayState, apiId: string, resourceId: string): ResourceDoc {
  requireApi(state, "rest", apiId);
  return requireItem<ResourceDoc>(state, apiId, "resource", resourceId);
}

export const getResources: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "rest", apiId!);
  return reply(200, { item: state.store.listItems<ResourceDoc>(apiId!, "resource") });
};

export const getResource: GatewayAction = async (state, _request, [apiId, id]) => reply(200, requireResource(state, apiId!, id!));

export const createResource: GatewayAction = async (state, request, [apiId, parentId]) => {
  const parent = requireResource(state, apiId!, parentId!);
  const pathPart = stringField((await readJson(request)).pathPart, "pathPart", true)!;
  const segment = parseSegment(pathPart);
  if (typeof segment === "string" || /[^A-Za-z0-9._{}+-]/.test(pathPart)) {
    throw badRequest(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
  if (parent.pathPart !== undefined && /^\{.+\+\}$/.test(parent.pathPart))
    throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  const siblings = state.store.listItems<ResourceDoc>(apiId!, "resource").filter((resource) => resource.parentId === parent.id);
  if (siblings.some((sibling) => sibling.pathPart === pathPart)) throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  const variable = siblings.find((sibling) => sibling.pathPart?.startsWith("{"));
  if (segment.kind !== "literal" && variable !== undefined)
    throw badRequest(`A sibling (${variable.pathPart!}) of this resource already has a variable path part -- only one is allowed`);
  const path = `${parent.path === "/" ? "" : parent.path}/${pathPart}`;
  const template = parseTemplate(path);
  if (typeof template === "string") throw badRequest(`Invalid resource path ${path}: ${template}`);
  const doc: ResourceDoc = { id: newId(6), parentId: parent.id, pathPart, path };
  state.store.putItem(apiId!, "resource", doc.id, doc);
  return reply(201, doc);
};

export const deleteResource: GatewayAction = async (state, _request, [apiId, id]) => {
  const resource = requireResource(state, apiId!, id!);
  if (resource.parentId === undefined) throw badRequest("Cannot delete root resource");
  const all = state.store.listItems<ResourceDoc>(apiId!, "resource");
  const doomed = new Set([resource.id]);
  // Descendants go with it; parents come before children in creation order.
  for (const each of all) if (each.parentId !== undefined && doomed.has(each.parentId)) doomed.add(each.id);
  state.store.transaction(() => {
    for (const doomedId of doomed) state.store.deleteItem(apiId!, "resource", doomedId);
  });
  return reply(202);
};

function requireMethod(resource: ResourceDoc, httpMethod: string): MethodDoc {
  const method = resource.resourceMethods?.[httpMethod];
  if (method === undefined) throw notFound("Invalid Method identifier specified");
  return method;
}

function saveMethod(state: GatewayState, apiId: string, resource: ResourceDoc, httpMethod: string, method: MethodDoc | undefined): void {
  const resourceMethods = { ...resource.resourceMethods };
  if (method === undefined) delete resourceMethods[httpMethod];
  else resourceMethods[httpMethod] = method;
  const { resourceMethods: _old, ...rest } = resource;
  state.store.putItem(apiId, "resource", resource.id, Object.keys(resourceMethods).length === 0 ? rest : { ...rest, resourceMethods });
}

export const putMethod: GatewayAction = async (state, request, [apiId, id, httpMethod]) => {
  const resource = requireResource(state, apiId!, id!);
  if (!HTTP_METHODS.includes(httpMethod!)) throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(",")}`);
  const input = await readJson(request);
  const authorizationType = stringField(input.authorizationType, "authorizationType", true)!;
  if (authorizationType !== "NONE") throw badRequest(`authorizationType ${authorizationType} is not supported by the local cloud: use NONE`);
  if (resource.resourceMethods?.[httpMethod!] !== undefined) throw conflict("Method already exists for this resource");
  const method: MethodDoc = { httpMethod: httpMethod!, authorizationType, apiKeyRequired: input.apiKeyRequired === true };
  saveMethod(state, apiId!, resource, httpMethod!, method);
  return reply(201, method);
};

export const getMethod: GatewayAction = async (state, _request, [apiId, id, httpMethod]) =>
  reply(200, requireMethod(requireResource(state, apiId!, id!), httpMethod!));

export const deleteMethod: GatewayAction = async (state, _request, [apiId, id, httpMethod]) => {
  const resource = requireResource(state, apiId!, id!);
  requireMethod(resource, httpMethod!);
  saveMethod(state, apiId!, resource, httpMethod!, undefined);
  return reply(204);
};

export const putIntegration: GatewayAction = async (state, request, [apiId, id, httpMethod]) => {
  const resource = requireResource(state, apiId!, id!);
  const method = requireMethod(resource, httpMethod!);
  const input = await readJson(request);
  const type = stringField(input.type, "type", true)!;
  if (!INTEGRATION_TYPES.includes(type)) throw badRequest(`Invalid integration type ${type}: must be one of ${INTEGRATION_TYPES.join(", ")}`);
  const integrationHttpMethod = stringField(input.httpMethod, "httpMethod");
  const uri = stringField(input.uri, "uri");
  if (type !== "MOCK" && (integrationHttpMethod === undefined || integrationHttpMethod === ""))
    throw badRequest("Enumeration value for HttpMethod must be non-empty");
  if (type !== "MOCK" && uri === undefined) throw badRequest("Integrations of type 'AWS_PROXY' or 'AWS' or 'HTTP' or 'HTTP_PROXY' must have a URI");
  const integration = compact({
    type,
    httpMethod: integrationHttpMethod,
    uri,
    timeoutInMillis: timeoutField(input.timeoutInMillis, REST_TIMEOUT_MAX_MS) ?? REST_TIMEOUT_MAX_MS,
    passthroughBehavior: "WHEN_NO_MATCH",
    cacheNamespace: resource.id,
    cacheKeyParameters: [],
  });
  saveMethod(state, apiId!, resource, httpMethod!, { ...method, methodIntegration: integration });
  return reply(201, integration);
};

export const getIntegration: GatewayAction = async (state, _request, [apiId, id, httpMethod]) => {
  const integration = requireMethod(requireResource(state, apiId!, id!), httpMethod!).methodIntegration;
  if (integration === undefined) throw notFound("Invalid Integration identifier specified");
  return reply(200, integration);
};

export const deleteIntegration: GatewayAction = async (state, _request, [apiId, id, httpMethod]) => {
  const resource = requireResource(state, apiId!, id!);
  const { methodIntegration, ...method } = requireMethod(resource, httpMethod!);
  if (methodIntegration === undefined) throw notFound("Invalid Integration identifier specified");
  saveMethod(state, apiId!, resource, httpMethod!, method as MethodDoc);
  return reply(204);
};
