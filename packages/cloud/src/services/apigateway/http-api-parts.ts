// An HTTP API's integrations and routes (apigatewayv2): Create/Get/Update/
// Delete of each, and their lists. Route keys are checked as AWS checks them
// (`$default`, or a method and a path template such as `GET /items/{id}`,
// `ANY /{proxy+}`); a second route with the same key is a ConflictException.
import { parseTemplate } from "./path-template.js";
import { publicDoc, requireApi, requireItem, type GatewayAction, type GatewayState } from "./gateway-state.js";
import { badRequest, compact, conflict, newId, readJson, reply, stringField, timeoutField, type Json } from "./wire.js";

export const HTTP_METHODS: readonly string[] = ["ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const INTEGRATION_TYPES: readonly string[] = ["AWS_PROXY", "HTTP_PROXY"];
// HTTP APIs allow integrations up to 30 s (REST APIs: 29 s).
export const HTTP_TIMEOUT_MAX_MS = 30_000;

export interface IntegrationDoc extends Json {
  integrationId: string;
  integrationType: string;
  integrationUri?: string;
  integrationMethod?: string;
  payloadFormatVersion?: string;
  timeoutInMillis: number;
  connectionType: string;
}

export interface RouteDoc extends Json {
  routeId: string;
  routeKey: string;
  target?: string;
  authorizationType: string;
  apiKeyRequired: boolean;
}

/** A new integration document from CreateIntegration's (or quick create's) fields. */
export function newIntegration(input: Json): IntegrationDoc {
  return checkIntegration({ integrationId: newId(7), connectionType: "INTERNET", timeoutInMillis: HTTP_TIMEOUT_MAX_MS } as IntegrationDoc, input);
}

function checkIntegration(base: IntegrationDoc, input: Json): IntegrationDoc {
  const doc = compact({
    ...base,
    integrationType: stringField(input.integrationType, "integrationType", base.integrationType === undefined) ?? base.integrationType,
    integrationUri: stringField(input.integrationUri, "integrationUri") ?? base.integrationUri,
    integrationMethod: stringField(input.integrationMethod, "integrationMethod") ?? base.integrationMethod,
    payloadFormatVersion: stringField(input.payloadFormatVersion, "payloadFormatVersion") ?? base.payloadFormatVersion,
    timeoutInMillis: timeoutField(input.timeoutInMillis, HTTP_TIMEOUT_MAX_MS) ?? base.timeoutInMillis,
    description: stringField(input.description, "description") ?? base.description,
  });
  if (!INTEGRATION_TYPES.includes(doc.integrationType))
    throw badRequest(`Unsupported integration type ${doc.integrationType} for an HTTP API: use AWS_PROXY or HTTP_PROXY`);
  if (doc.integrationUri === undefined) throw badRequest("IntegrationUri is required for an AWS_PROXY or HTTP_PROXY integration");
  if (doc.integrationType === "AWS_PROXY") {
    doc.integrationMethod ??= "POST";
    if (doc.payloadFormatVersion === undefined) throw badRequest("PayloadFormatVersion is required for an AWS_PROXY integration: 1.0 or 2.0");
  }
  if (doc.payloadFormatVersion !== undefined && !["1.0", "2.0"].includes(doc.payloadFormatVersion)) {
    throw badRequest(`Invalid PayloadFormatVersion ${doc.payloadFormatVersion}: must be 1.0 or 2.0`);
  }
  return doc;
}

/** The reason `routeKey` is not a valid HTTP API route key, or undefined. */
export function routeKeyProblem(routeKey: string): string | undefined {
  if (routeKey === "$default") return undefined;
  const space = routeKey.indexOf(" ");
  const method = routeKey.slice(0, space);
  if (space < 0 || !HTTP_METHODS.includes(method))
    return `the route key must be $default or a method (${HTTP_METHODS.join(", ")}) and a path, such as "GET /items/{id}"`;
  const template = parseTemplate(routeKey.slice(space + 1));
  return typeof template === "string" ? template : undefined;
}

/** A new route document; `quick` skips the checks against the API's other parts (quick create makes them together). */
export function newRoute(state: GatewayState, apiId: string, input: Json, quick = false): RouteDoc {
  const doc: RouteDoc = { routeId: newId(7), routeKey: "", authorizationType: "NONE", apiKeyRequired: false };
  return checkRoute(state, apiId, doc, input, !quick);
}

function checkRoute(state: GatewayState, apiId: string, base: RouteDoc, input: Json, checkParts: boolean): RouteDoc {
  const doc = compact({
    ...base,
    routeKey: stringField(input.routeKey, "routeKey", base.routeKey === "") ?? base.routeKey,
    target: stringField(input.target, "target") ?? base.target,
    authorizationType: stringField(input.authorizationType, "authorizationType") ?? base.authorizationType,
  });
  const problem = routeKeyProblem(doc.routeKey);
  if (problem !== undefined) throw badRequest(`Invalid route key "${doc.routeKey}": ${problem}`);
  if (doc.authorizationType !== "NONE") throw badRequest(`authorizationType ${doc.authorizationType} is not supported by the local cloud: use NONE`);
  if (!checkParts) return doc;
  const routes = state.store.listItems<RouteDoc>(apiId, "route");
  if (routes.some((route) => route.routeKey === doc.routeKey && route.routeId !== doc.routeId)) {
    throw conflict(`Unable to create route ${doc.routeKey}: the API already has a route with that key`);
  }
  if (doc.target !== undefined) {
    const integrationId = /^integrations\/(.+)$/.exec(doc.target)?.[1];
    if (integrationId === undefined || state.store.getItem(apiId, "integration", integrationId) === undefined) {
      throw badRequest(`Invalid target ${doc.target}: it must name an integration of this API as integrations/<id>`);
    }
  }
  return doc;
}

export const createIntegration: GatewayAction = async (state, request, [apiId]) => {
  requireApi(state, "http", apiId!);
  const doc = newIntegration(await readJson(request));
  state.store.putItem(apiId!, "integration", doc.integrationId, doc);
  return reply(201, publicDoc(doc));
};

export const getIntegration: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  return reply(200, publicDoc(requireItem(state, apiId!, "integration", id!)));
};

export const getIntegrations: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "http", apiId!);
  return reply(200, { items: state.store.listItems<Json>(apiId!, "integration").map(publicDoc) });
};

export const updateIntegration: GatewayAction = async (state, request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  const doc = checkIntegration(requireItem<IntegrationDoc>(state, apiId!, "integration", id!), await readJson(request));
  state.store.putItem(apiId!, "integration", id!, doc);
  return reply(200, publicDoc(doc));
};

export const deleteIntegration: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  requireItem(state, apiId!, "integration", id!);
  const user = state.store.listItems<RouteDoc>(apiId!, "route").find((route) => route.target === `integrations/${id!}`);
  if (user !== undefined) throw badRequest(`Cannot delete integration ${id!}: route ${user.routeKey} (${user.routeId}) uses it`);
  state.store.deleteItem(apiId!, "integration", id!);
  return reply(204);
};

export const createRoute: GatewayAction = async (state, request, [apiId]) => {
  requireApi(state, "http", apiId!);
  const doc = newRoute(state, apiId!, await readJson(request));
  state.store.putItem(apiId!, "route", doc.routeId, doc);
  return reply(201, publicDoc(doc));
};

export const getRoute: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  return reply(200, publicDoc(requireItem(state, apiId!, "route", id!)));
};

export const getRoutes: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "http", apiId!);
  return reply(200, { items: state.store.listItems<Json>(apiId!, "route").map(publicDoc) });
};

export const updateRoute: GatewayAction = async (state, request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  const doc = checkRoute(state, apiId!, requireItem<RouteDoc>(state, apiId!, "route", id!), await readJson(request), true);
  state.store.putItem(apiId!, "route", id!, doc);
  return reply(200, publicDoc(doc));
};

export const deleteRoute: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  requireItem(state, apiId!, "route", id!);
  state.store.deleteItem(apiId!, "route", id!);
  return reply(204);
};
