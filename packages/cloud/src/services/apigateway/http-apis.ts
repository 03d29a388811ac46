// HTTP APIs (apigatewayv2): CreateApi, GetApi, GetApis, UpdateApi,
// DeleteApi. Creating one opens its server on a free loopback port, kept
// with the API so its endpoint (`apiEndpoint`, http://127.0.0.1:<port>) stays
// the same across restarts. Quick create (`target`) makes the integration,
// the route and the auto-deployed `$default` stage as AWS does.
import type { ApiRow } from "./api-store.js";
import { isoNow, publicDoc, requireApi, type GatewayAction, type GatewayState } from "./gateway-state.js";
import { newIntegration, newRoute } from "./http-api-parts.js";
import { newStage } from "./http-api-stages.js";
import { badRequest, booleanField, compact, mapField, newId, readJson, reply, stringField, type Json } from "./wire.js";

export function apiEndpoint(port: number): string {
  return `http://127.0.0.1:${port}`;
}

function render(api: ApiRow): Json {
  return { ...publicDoc(api.doc), apiEndpoint: apiEndpoint(api.port) };
}

export const createApi: GatewayAction = async (state, request) => {
  const input = await readJson(request);
  const name = stringField(input.name, "name", true)!;
  const protocolType = stringField(input.protocolType, "protocolType", true)!;
  if (protocolType === "WEBSOCKET") throw badRequest("WebSocket APIs are not supported by the local cloud");
  if (protocolType !== "HTTP") throw badRequest(`Invalid protocolType ${protocolType}: must be HTTP or WEBSOCKET`);
  const doc = compact({
    apiId: newId(10),
    name,
    protocolType,
    routeSelectionExpression: stringField(input.routeSelectionExpression, "routeSelectionExpression") ?? "$request.method $request.path",
    apiKeySelectionExpression: stringField(input.apiKeySelectionExpression, "apiKeySelectionExpression") ?? "$request.header.x-api-key",
    createdDate: isoNow(state),
    description: stringField(input.description, "description"),
    version: stringField(input.version, "version"),
    disableExecuteApiEndpoint: booleanField(input.disableExecuteApiEndpoint, "disableExecuteApiEndpoint") ?? false,
    tags: mapField(input.tags, "tags") ?? {},
  });
  const target = stringField(input.target, "target");
  const routeKey = stringField(input.routeKey, "routeKey");
  if (routeKey !== undefined && target === undefined) throw badRequest("routeKey is only allowed with target (quick create)");
  const quick = target === undefined ? undefined : quickCreate(state, doc.apiId as string, target, routeKey ?? "$default");
  const port = await state.servers.open(doc.apiId as string, 0);
  try {
    state.store.transaction(() => {
      state.store.insertApi({ apiId: doc.apiId as string, kind: "http", region: request.region, port, doc });
      quick?.();
    });
  } catch (error) {
    await state.servers.close(doc.apiId as string);
    throw error;
  }
  return reply(201, render(requireApi(state, "http", doc.apiId as string)));
};

/** The writes of a quick create: an AWS_PROXY integration (payload 2.0), its route and the `$default` stage, auto-deployed. */
function quickCreate(state: GatewayState, apiId: string, target: string, routeKey: string): () => void {
  const integration = newIntegration({ integrationType: "AWS_PROXY", integrationUri: target, payloadFormatVersion: "2.0" });
  const route = newRoute(state, apiId, { routeKey, target: `integrations/${integration.integrationId}` }, true);
  const stage = newStage(state, { stageName: "$default", autoDeploy: true });
  return () => {
    state.store.putItem(apiId, "integration", integration.integrationId, { ...integration, apiGatewayManaged: true });
    state.store.putItem(apiId, "route", route.routeId, { ...route, apiGatewayManaged: true });
    state.store.putItem(apiId, "stage", "$default", { ...stage, apiGatewayManaged: true });
  };
}

export const getApi: GatewayAction = async (state, _request, [apiId]) => reply(200, render(requireApi(state, "http", apiId!)));

export const getApis: GatewayAction = async (state) => reply(200, { items: state.store.listApis("http").map(render) });

export const updateApi: GatewayAction = async (state, request, [apiId]) => {
  const api = requireApi(state, "http", apiId!);
  const input = await readJson(request);
  const doc = compact({
    ...api.doc,
    name: stringField(input.name, "name") ?? api.doc.name,
    description: stringField(input.description, "description") ?? api.doc.description,
    version: stringField(input.version, "version") ?? api.doc.version,
    routeSelectionExpression: stringField(input.routeSelectionExpression, "routeSelectionExpression") ?? api.doc.routeSelectionExpression,
    disableExecuteApiEndpoint: booleanField(input.disableExecuteApiEndpoint, "disableExecuteApiEndpoint") ?? api.doc.disableExecuteApiEndpoint,
  });
  state.store.updateApi(api.apiId, doc);
  return reply(200, render(requireApi(state, "http", api.apiId)));
};

export const deleteApi: GatewayAction = async (state, _request, [apiId]) => {
  const api = requireApi(state, "http", apiId!);
  await deleteServedApi(state, api);
  return reply(204);
};

/** Deletes an API of either kind: its rows (parts cascade), then its server. */
export async function deleteServedApi(state: GatewayState, api: ApiRow): Promise<void> {
  state.store.deleteApi(api.apiId);
  await state.servers.close(api.apiId);
}
