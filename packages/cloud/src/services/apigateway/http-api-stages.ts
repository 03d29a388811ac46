// An HTTP API's stages and deployments (apigatewayv2). A deployment freezes
// the API's routes and integrations as a route table; a stage serves its
// deployment's table, or with autoDeploy the API's routes as they are now
// (AWS deploys every change to such a stage by itself).
import type { ApiStore } from "./api-store.js";
import { isoNow, publicDoc, requireApi, requireItem, type GatewayAction, type GatewayState } from "./gateway-state.js";
import type { IntegrationDoc, RouteDoc } from "./http-api-parts.js";
import type { RouteTable, ServedRoute } from "./route-table.js";
import { functionArnOf } from "./route-table.js";
import { badRequest, booleanField, compact, conflict, mapField, newId, readJson, reply, stringField, type Json } from "./wire.js";

const STAGE_NAME = /^(\$default|[A-Za-z0-9._~:?#&=,-]{1,128})$/;

export interface StageDoc extends Json {
  stageName: string;
  autoDeploy: boolean;
  deploymentId?: string;
  stageVariables: Record<string, string>;
}

interface DeploymentDoc extends Json {
  deploymentId: string;
  _table: RouteTable;
}

/** A new stage document from CreateStage's (or quick create's) fields. */
export function newStage(state: GatewayState, input: Json): StageDoc {
  const stageName = stringField(input.stageName, "stageName", true)!;
  if (!STAGE_NAME.test(stageName)) throw badRequest(`Invalid stage name ${stageName}: use $default, or letters, digits and -._~:?#&=, (at most 128)`);
  const now = isoNow(state);
  const base: StageDoc = {
    stageName,
    autoDeploy: false,
    createdDate: now,
    stageVariables: {},
    defaultRouteSettings: { detailedMetricsEnabled: false },
    routeSettings: {},
    tags: {},
  };
  return applyStage(base, input, now);
}

function applyStage(base: StageDoc, input: Json, now: string): StageDoc {
  return compact({
    ...base,
    autoDeploy: booleanField(input.autoDeploy, "autoDeploy") ?? base.autoDeploy,
    deploymentId: stringField(input.deploymentId, "deploymentId") ?? base.deploymentId,
    description: stringField(input.description, "description") ?? base.description,
    stageVariables: mapField(input.stageVariables, "stageVariables") ?? base.stageVariables,
    lastUpdatedDate: now,
  });
}

/** The route table of an HTTP API's routes and integrations as they are now. */
export function httpRouteTable(store: ApiStore, apiId: string): RouteTable {
  const integrations = new Map(store.listItems<IntegrationDoc>(apiId, "integration").map((doc) => [doc.integrationId, doc]));
  const routes = store.listItems<RouteDoc>(apiId, "route").map((route): ServedRoute => {
    const space = route.routeKey.indexOf(" ");
    const served: ServedRoute =
      route.routeKey === "$default"
        ? { routeKey: route.routeKey, method: "$default", id: route.routeId }
        : { routeKey: route.routeKey, method: route.routeKey.slice(0, space), path: route.routeKey.slice(space + 1), id: route.routeId };
    const integration = integrations.get(/^integrations\/(.+)$/.exec(route.target ?? "")?.[1] ?? "");
    if (integration !== undefined) {
      const uri = integration.integrationUri ?? "";
      served.integration = {
        type: integration.integrationType,
        uri: integration.integrationType === "AWS_PROXY" ? (functionArnOf(uri) ?? uri) : uri,
        payloadFormatVersion: integration.payloadFormatVersion === "1.0" ? "1.0" : "2.0",
        timeoutMs: integration.timeoutInMillis,
      };
    }
    return served;
  });
  return { routes };
}

/** The table a stage serves now, or undefined when it has nothing deployed. */
export function stageTable(store: ApiStore, apiId: string, stage: StageDoc): RouteTable | undefined {
  if (stage.autoDeploy) return httpRouteTable(store, apiId);
  if (stage.deploymentId === undefined) return undefined;
  return store.getItem<DeploymentDoc>(apiId, "deployment", stage.deploymentId)?._table;
}

export const createStage: GatewayAction = async (state, request, [apiId]) => {
  requireApi(state, "http", apiId!);
  const doc = newStage(state, await readJson(request));
  if (state.store.getItem(apiId!, "stage", doc.stageName) !== undefined) throw conflict(`Stage already exists: ${doc.stageName}`);
  if (doc.deploymentId !== undefined) requireItem(state, apiId!, "deployment", doc.deploymentId);
  state.store.putItem(apiId!, "stage", doc.stageName, doc);
  return reply(201, publicDoc(doc));
};

export const getStage: GatewayAction = async (state, _request, [apiId, name]) => {
  requireApi(state, "http", apiId!);
  return reply(200, publicDoc(requireItem(state, apiId!, "stage", name!)));
};

export const getStages: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "http", apiId!);
  return reply(200, { items: state.store.listItems<Json>(apiId!, "stage").map(publicDoc) });
};

export const updateStage: GatewayAction = async (state, request, [apiId, name]) => {
  requireApi(state, "http", apiId!);
  const doc = applyStage(requireItem<StageDoc>(state, apiId!, "stage", name!), await readJson(request), isoNow(state));
  if (doc.deploymentId !== undefined) requireItem(state, apiId!, "deployment", doc.deploymentId);
  state.store.putItem(apiId!, "stage", name!, doc);
  return reply(200, publicDoc(doc));
};

export const deleteStage: GatewayAction = async (state, _request, [apiId, name]) => {
  requireApi(state, "http", apiId!);
  requireItem(state, apiId!, "stage", name!);
  state.store.deleteItem(apiId!, "stage", name!);
  return reply(204);
};

export const createDeployment: GatewayAction = async (state, request, [apiId]) => {
  requireApi(state, "http", apiId!);
  const input = await readJson(request);
  const stageName = stringField(input.stageName, "stageName");
  const stage = stageName === undefined ? undefined : requireItem<StageDoc>(state, apiId!, "stage", stageName);
  const doc: DeploymentDoc = compact({
    deploymentId: newId(6),
    deploymentStatus: "DEPLOYED",
    createdDate: isoNow(state),
    autoDeployed: false,
    description: stringField(input.description, "description"),
    _table: httpRouteTable(state.store, apiId!),
  });
  state.store.transaction(() => {
    state.store.putItem(apiId!, "deployment", doc.deploymentId, doc);
    if (stage !== undefined)
      state.store.putItem(apiId!, "stage", stage.stageName, { ...stage, deploymentId: doc.deploymentId, lastUpdatedDate: isoNow(state) });
  });
  return reply(201, publicDoc(doc));
};

export const getDeployment: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  return reply(200, publicDoc(requireItem(state, apiId!, "deployment", id!)));
};

export const getDeployments: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "http", apiId!);
  return reply(200, { items: state.store.listItems<Json>(apiId!, "deployment").map(publicDoc) });
};

export const deleteDeployment: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "http", apiId!);
  requireItem(state, apiId!, "deployment", id!);
  const user = state.store.listItems<StageDoc>(apiId!, "stage").find((stage) => stage.deploymentId === id);
  if (user !== undefined) throw badRequest(`Active stages pointing to this deployment must be moved or deleted: ${user.stageName}`);
  state.store.deleteItem(apiId!, "deployment", id!);
  return reply(204);
};
