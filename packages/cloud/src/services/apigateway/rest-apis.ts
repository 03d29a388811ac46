// REST APIs (apigateway): CreateRestApi (with its root resource `/`),
// GetRestApi, GetRestApis, UpdateRestApi (patch operations on the name,
// description and binary media types), DeleteRestApi. Like an HTTP API,
// each is served on a loopback port of its own, kept across restarts.
import { ACCOUNT_ID } from "../service.js";
import { epochNow, publicDoc, requireApi, type GatewayAction } from "./gateway-state.js";
import { deleteServedApi } from "./http-apis.js";
import { badRequest, compact, mapField, newId, readJson, reply, stringField, type Json } from "./wire.js";

export interface RestApiDoc extends Json {
  id: string;
  name: string;
  rootResourceId: string;
  binaryMediaTypes: string[];
}

export interface PatchOperation {
  op: string;
  path: string;
  value?: string;
}

export const createRestApi: GatewayAction = async (state, request) => {
  const input = await readJson(request);
  const name = stringField(input.name, "name", true)!;
  const binaryMediaTypes = input.binaryMediaTypes ?? [];
  if (!Array.isArray(binaryMediaTypes) || binaryMediaTypes.some((type) => typeof type !== "string"))
    throw badRequest("Invalid binaryMediaTypes: must be a list of media types");
  const doc: RestApiDoc = compact({
    id: newId(10),
    name,
    description: stringField(input.description, "description"),
    version: stringField(input.version, "version"),
    createdDate: epochNow(state),
    binaryMediaTypes: binaryMediaTypes as string[],
    apiKeySource: "HEADER",
    endpointConfiguration: { types: ["EDGE"] },
    disableExecuteApiEndpoint: false,
    rootResourceId: newId(10),
    tags: mapField(input.tags, "tags") ?? {},
  });
  const port = await state.servers.open(doc.id, 0);
  try {
    state.store.transaction(() => {
      state.store.insertApi({ apiId: doc.id, kind: "rest", region: request.region, port, doc });
      state.store.putItem(doc.id, "resource", doc.rootResourceId, { id: doc.rootResourceId, path: "/" });
    });
  } catch (error) {
    await state.servers.close(doc.id);
    throw error;
  }
  return reply(201, doc);
};

export const getRestApi: GatewayAction = async (state, _request, [apiId]) => reply(200, publicDoc(requireApi(state, "rest", apiId!).doc));

export const getRestApis: GatewayAction = async (state) => reply(200, { item: state.store.listApis("rest").map((api) => publicDoc(api.doc)) });

export const updateRestApi: GatewayAction = async (state, request, [apiId]) => {
  const api = requireApi(state, "rest", apiId!);
  const doc = { ...(api.doc as RestApiDoc), binaryMediaTypes: [...((api.doc as RestApiDoc).binaryMediaTypes ?? [])] };
  for (const operation of patchOperations(await readJson(request))) applyApiPatch(doc, operation);
  state.store.updateApi(api.apiId, doc);
  return reply(200, publicDoc(doc));
};

function applyApiPatch(doc: RestApiDoc, { op, path, value }: PatchOperation): void {
  if (op === "replace" && ["/name", "/description", "/version"].includes(path)) {
    if (path === "/name" && (value === undefined || value === "")) throw badRequest("Invalid patch operation: the name cannot be empty");
    doc[path.slice(1)] = value;
    return;
  }
  const mediaType = /^\/binaryMediaTypes\/(.+)$/.exec(path)?.[1]?.replaceAll("~1", "/").replaceAll("~0", "~");
  if (mediaType !== undefined && op === "add") {
    if (!doc.binaryMediaTypes.includes(mediaType)) doc.binaryMediaTypes.push(mediaType);
    return;
  }
  if (mediaType !== undefined && op === "remove") {
    doc.binaryMediaTypes = doc.binaryMediaTypes.filter((type) => type !== mediaType);
    return;
  }
  throw badRequest(`Invalid patch path ${path} for op ${op}`);
}

/** The patchOperations of an Update* request, each checked for its shape. */
export function patchOperations(input: Json): PatchOperation[] {
  const operations = input.patchOperations ?? [];
  if (!Array.isArray(operations)) throw badRequest("Invalid patchOperations: must be a list");
  return operations.map((operation: unknown) => {
    const { op, path, value } = (operation ?? {}) as Record<string, unknown>;
    if (typeof op !== "string" || !["add", "remove", "replace", "move", "copy", "test"].includes(op)) throw badRequest(`Invalid patch operation ${String(op)}`);
    if (typeof path !== "string") throw badRequest("Invalid patch operation: path is required");
    if (value !== undefined && typeof value !== "string") throw badRequest(`Invalid patch value for ${path}: must be a string`);
    return value === undefined ? { op, path } : { op, path, value };
  });
}

export const deleteRestApi: GatewayAction = async (state, _request, [apiId]) => {
  await deleteServedApi(state, requireApi(state, "rest", apiId!));
  return reply(202);
};

/** The ARN API Gateway gives a REST or HTTP API's invocations: arn:aws:execute-api:<region>:<account>:<apiId>. */
export function executionArn(region: string, apiId: string): string {
  return `arn:aws:execute-api:${region}:${ACCOUNT_ID}:${apiId}`;
}
