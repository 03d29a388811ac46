// A REST API's deployments and stages (apigateway). CreateDeployment freezes
// the resource tree's methods and integrations as a route table (refused,
// as AWS refuses it, when the API has no method or a method has no
// integration); a stage serves the table of the deployment it points at, so
// a change is live only once deployed, as on AWS.
import type { ApiStore } from "./api-store.js";
import { epochNow, publicDoc, requireApi, requireItem, type GatewayAction } from "./gateway-state.js";
import { patchOperations, type PatchOperation } from "./rest-apis.js";
import type { ResourceDoc } from "./rest-resources.js";
import { REST_TIMEOUT_MAX_MS } from "./rest-resources.js";
import { functionArnOf, type RouteTable, type ServedRoute } from "./route-table.js";
import { badRequest, compact, conflict, mapField, newId, readJson, reply, stringField, type Json } from "./wire.js";

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export interface RestStageDoc extends Json {
  stageName: string;
  deploymentId: string;
  variables: Record<string, string>;
}

interface RestDeploymentDoc extends Json {
  id: string;
  _table: RouteTable;
}

/** The route table of a REST API's methods now; throws as CreateDeployment does when there is nothing to deploy. */
export function restRouteTable(store: ApiStore, apiId: string): RouteTable {
  const routes: ServedRoute[] = [];
  for (const resource of store.listItems<ResourceDoc>(apiId, "resource")) {
    for (const [method, doc] of Object.entries(resource.resourceMethods ?? {})) {
      const integration = doc.methodIntegration;
      if (integration === undefined) throw badRequest("No integration defined for method");
      const uri = integration.uri ?? "";
      routes.push({
        routeKey: `${method} ${resource.path}`,
        method,
        path: resource.path,
        id: resource.id,
        integration: {
          type: integration.type,
          uri: functionArnOf(uri) ?? uri,
          payloadFormatVersion: "1.0",
          timeoutMs: integration.timeoutInMillis ?? REST_TIMEOUT_MAX_MS,
        },
      });
    }
  }
  if (routes.length === 0) throw badRequest("The REST API doesn't contain any methods");
  return { routes };
}

/** The table a REST stage serves. */
export function restStageTable(store: ApiStore, apiId: string, stage: RestStageDoc): RouteTable | undefined {
  return store.getItem<RestDeploymentDoc>(apiId, "deployment", stage.deploymentId)?._table;
}

export const createDeployment: GatewayAction = async (state, request, [apiId]) => {
  requireApi(state, "rest", apiId!);
  const input = await readJson(request);
  const stageName = stringField(input.stageName, "stageName");
  if (stageName !== undefined && !STAGE_NAME.test(stageName)) throw badRequest(stageNameProblem(stageName));
  const doc: RestDeploymentDoc = compact({
    id: newId(6),
    description: stringField(input.description, "description"),
    createdDate: epochNow(state),
    _table: restRouteTable(state.store, apiId!),
  });
  state.store.transaction(() => {
    state.store.putItem(apiId!, "deployment", doc.id, doc);
    if (stageName === undefined) return;
    const stage = state.store.getItem<RestStageDoc>(apiId!, "stage", stageName);
    const variables = mapField(input.variables, "variables") ?? stage?.variables ?? {};
    state.store.putItem(
      apiId!,
      "stage",
      stageName,
      stage === undefined
        ? newStage(stageName, doc.id, variables, epochNow(state))
        : { ...stage, deploymentId: doc.id, variables, lastUpdatedDate: epochNow(state) },
    );
  });
  return reply(201, publicDoc(doc));
};

function newStage(stageName: string, deploymentId: string, variables: Record<string, string>, now: number): RestStageDoc {
  return {
    stageName,
    deploymentId,
    variables,
    methodSettings: {},
    cacheClusterEnabled: false,
    cacheClusterStatus: "NOT_AVAILABLE",
    tracingEnabled: false,
    createdDate: now,
    lastUpdatedDate: now,
  };
}

function stageNameProblem(stageName: string): string {
  return `Stage name only allows a-zA-Z0-9_- (at most 128), got ${stageName}`;
}

export const getDeployment: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "rest", apiId!);
  return reply(200, publicDoc(requireItem(state, apiId!, "deployment", id!)));
};

export const getDeployments: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "rest", apiId!);
  return reply(200, { item: state.store.listItems<Json>(apiId!, "deployment").map(publicDoc) });
};

export const deleteDeployment: GatewayAction = async (state, _request, [apiId, id]) => {
  requireApi(state, "rest", apiId!);
  requireItem(state, apiId!, "deployment", id!);
  if (state.store.listItems<RestStageDoc>(apiId!, "stage").some((stage) => stage.deploymentId === id)) {
    throw badRequest("Active stages pointing to this deployment must be moved or deleted");
  }
  state.store.deleteItem(apiId!, "deployment", id!);
  return reply(202);
};

export const createStage: GatewayAction = async (state, request, [apiId]) => {
  requireApi(state, "rest", apiId!);
  const input = await readJson(request);
  const stageName = stringField(input.stageName, "stageName", true)!;
  if (!STAGE_NAME.test(stageName)) throw badRequest(stageNameProblem(stageName));
  const deploymentId = stringField(input.deploymentId, "deploymentId", true)!;
  requireItem(state, apiId!, "deployment", deploymentId);
  if (state.store.getItem(apiId!, "stage", stageName) !== undefined) throw conflict("Stage already exists");
  const doc = compact({
    ...newStage(stageName, deploymentId, mapField(input.variables, "variables") ?? {}, epochNow(state)),
    description: stringField(input.description, "description"),
  });
  state.store.putItem(apiId!, "stage", stageName, doc);
  return reply(201, doc);
};

export const getStage: GatewayAction = async (state, _request, [apiId, name]) => {
  requireApi(state, "rest", apiId!);
  return reply(200, requireItem(state, apiId!, "stage", name!));
};

export const getStages: GatewayAction = async (state, _request, [apiId]) => {
  requireApi(state, "rest", apiId!);
  return reply(200, { item: state.store.listItems<Json>(apiId!, "stage") });
};

export const updateStage: GatewayAction = async (state, request, [apiId, name]) => {
  requireApi(state, "rest", apiId!);
  const stage = { ...requireItem<RestStageDoc>(state, apiId!, "stage", name!) };
  stage.variables = { ...stage.variables };
  for (const operation of patchOperations(await readJson(request))) applyStagePatch(stage, operation);
  requireItem(state, apiId!, "deployment", stage.deploymentId);
  stage.lastUpdatedDate = epochNow(state);
  state.store.putItem(apiId!, "stage", name!, stage);
  return reply(200, stage);
};

function applyStagePatch(stage: RestStageDoc, { op, path, value }: PatchOperation): void {
  const variable = /^\/variables\/(.+)$/.exec(path)?.[1];
  if (variable !== undefined && op === "remove") delete stage.variables[variable];
  else if (variable !== undefined && (op === "replace" || op === "add") && value !== undefined) stage.variables[variable] = value;
  else if (op === "replace" && path === "/deploymentId" && value !== undefined) stage.deploymentId = value;
  else if (op === "replace" && path === "/description") stage.description = value;
  else throw badRequest(`Invalid patch path ${path} for op ${op}`);
}

export const deleteStage: GatewayAction = async (state, _request, [apiId, name]) => {
  requireApi(state, "rest", apiId!);
  requireItem(state, apiId!, "stage", name!);
  state.store.deleteItem(apiId!, "stage", name!);
  return reply(202);
};
