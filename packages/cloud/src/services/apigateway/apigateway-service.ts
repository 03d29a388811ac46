// The API Gateway service (REST-JSON, signing name "apigateway" for both
// control planes): HTTP APIs under /v2/apis (apigatewayv2) and REST APIs
// under /restapis (apigateway), one row per operation; and the serving of
// every API on its own loopback port. What each operation does lives in its
// own file; serving is serve-request.ts.
import { AwsError } from "../../errors.js";
import { jsonResponse } from "../../server/http-server.js";
import type { AwsRequest } from "../../server/aws-request.js";
import type { CloudContext, Service } from "../service.js";
import { ApiServers } from "./api-servers.js";
import { getTags, tagResource, untagResource } from "./api-tags.js";
import { ApiStore } from "./api-store.js";
import type { GatewayAction, GatewayState } from "./gateway-state.js";
import * as parts from "./http-api-parts.js";
import * as stages from "./http-api-stages.js";
import { apiEndpoint, createApi, deleteApi, getApi, getApis, updateApi } from "./http-apis.js";
import { createRestApi, deleteRestApi, getRestApi, getRestApis, updateRestApi } from "./rest-apis.js";
import * as resources from "./rest-resources.js";
import * as restStages from "./rest-stages.js";
import { serveRequest } from "./serve-request.js";
import { ServedApis } from "./served-apis.js";

type Route = readonly [method: string, path: RegExp, action: GatewayAction];

const ID = "([^/]+)";

function path(pattern: string): RegExp {
  return new RegExp(`^${pattern}/?$`);
}

const V2 = `/v2/apis/${ID}`;
const REST = `/restapis/${ID}`;
const METHOD = `${REST}/resources/${ID}/methods/${ID}`;

const ROUTES: readonly Route[] = [
  ["POST", path("/v2/apis"), createApi],
  ["GET", path("/v2/apis"), getApis],
  ["GET", path(V2), getApi],
  ["PATCH", path(V2), updateApi],
  ["DELETE", path(V2), deleteApi],
  ["POST", path(`${V2}/integrations`), parts.createIntegration],
  ["GET", path(`${V2}/integrations`), parts.getIntegrations],
  ["GET", path(`${V2}/integrations/${ID}`), parts.getIntegration],
  ["PATCH", path(`${V2}/integrations/${ID}`), parts.updateIntegration],
  ["DELETE", path(`${V2}/integrations/${ID}`), parts.deleteIntegration],
  ["POST", path(`${V2}/routes`), parts.createRoute],
  ["GET", path(`${V2}/routes`), parts.getRoutes],
  ["GET", path(`${V2}/routes/${ID}`), parts.getRoute],
  ["PATCH", path(`${V2}/routes/${ID}`), parts.updateRoute],
  ["DELETE", path(`${V2}/routes/${ID}`), parts.deleteRoute],
  ["POST", path(`${V2}/stages`), stages.createStage],
  ["GET", path(`${V2}/stages`), stages.getStages],
  ["GET", path(`${V2}/stages/${ID}`), stages.getStage],
  ["PATCH", path(`${V2}/stages/${ID}`), stages.updateStage],
  ["DELETE", path(`${V2}/stages/${ID}`), stages.deleteStage],
  ["POST", path(`${V2}/deployments`), stages.createDeployment],
  ["GET", path(`${V2}/deployments`), stages.getDeployments],
  ["GET", path(`${V2}/deployments/${ID}`), stages.getDeployment],
  ["DELETE", path(`${V2}/deployments/${ID}`), stages.deleteDeployment],
  ["GET", path(`/v2/tags/${ID}`), getTags],
  ["POST", path(`/v2/tags/${ID}`), tagResource],
  ["DELETE", path(`/v2/tags/${ID}`), untagResource],
  ["GET", path(`/tags/${ID}`), getTags],
  ["PUT", path(`/tags/${ID}`), tagResource],
  ["DELETE", path(`/tags/${ID}`), untagResource],
  ["POST", path("/restapis"), createRestApi],
  ["GET", path("/restapis"), getRestApis],
  ["GET", path(REST), getRestApi],
  ["PATCH", path(REST), updateRestApi],
  ["DELETE", path(REST), deleteRestApi],
  ["GET", path(`${REST}/resources`), resources.getResources],
  ["GET", path(`${REST}/resources/${ID}`), resources.getResource],
  ["POST", path(`${REST}/resources/${ID}`), resources.createResource],
  ["DELETE", path(`${REST}/resources/${ID}`), resources.deleteResource],
  ["PUT", path(METHOD), resources.putMethod],
  ["GET", path(METHOD), resources.getMethod],
  ["DELETE", path(METHOD), resources.deleteMethod],
  ["PUT", path(`${METHOD}/integration`), resources.putIntegration],
  ["GET", path(`${METHOD}/integration`), resources.getIntegration],
  ["DELETE", path(`${METHOD}/integration`), resources.deleteIntegration],
  ["POST", path(`${REST}/deployments`), restStages.createDeployment],
  ["GET", path(`${REST}/deployments`), restStages.getDeployments],
  ["GET", path(`${REST}/deployments/${ID}`), restStages.getDeployment],
  ["DELETE", path(`${REST}/deployments/${ID}`), restStages.deleteDeployment],
  ["POST", path(`${REST}/stages`), restStages.createStage],
  ["GET", path(`${REST}/stages`), restStages.getStages],
  ["GET", path(`${REST}/stages/${ID}`), restStages.getStage],
  ["PATCH", path(`${REST}/stages/${ID}`), restStages.updateStage],
  ["DELETE", path(`${REST}/stages/${ID}`), restStages.deleteStage],
];

function matchRoute(request: AwsRequest): { action: GatewayAction; params: string[] } {
  for (const [method, pattern, action] of ROUTES) {
    const match = pattern.exec(request.rawPath);
    if (match !== null && method === request.method) return { action, params: match.slice(1).map(decodeURIComponent) };
  }
  throw new AwsError("NotFoundException", `Unknown operation ${request.method} ${request.rawPath}`, 404);
}

export function createApiGatewayService(context: CloudContext): Service {
  const store = new ApiStore(context.db);
  const served = new ServedApis(store);
  const logError = (message: string) => process.stderr.write(`${message}\n`);
  const servers = new ApiServers((apiId, incoming, outgoing) => void serveRequest({ cloud: context, served, logError }, apiId, incoming, outgoing), logError);
  const state: GatewayState = { context, store, servers };
  let restored = Promise.resolve();
  return {
    name: "apigateway",
    protocol: "rest-json",
    handle(request) {
      const { action, params } = matchRoute(request);
      return action(state, request, params);
    },
    // GET /_closure-pack/apigateway/endpoints/<apiId>: where the local cloud serves an API
    // (a REST API's control plane has no field for it; HTTP APIs also say it as apiEndpoint).
    async handleControl(request, controlPath) {
      const apiId = /^endpoints\/([^/]+)$/.exec(controlPath)?.[1];
      if (request.method !== "GET" || apiId === undefined) return undefined;
      const api = store.getApi(apiId, "http") ?? store.getApi(apiId, "rest");
      if (api === undefined) return jsonResponse(404, { error: `no API ${apiId}` });
      return jsonResponse(200, { apiId, kind: api.kind, endpoint: apiEndpoint(api.port) });
    },
    start() {
      restored = servers.restore(store.listApis().map((api) => ({ apiId: api.apiId, port: api.port })));
    },
    // The daemon says it is ready once every API is served again, so a client never meets a refused connection.
    ready: () => restored,
    async close() {
      await servers.closeAll();
    },
  };
}
