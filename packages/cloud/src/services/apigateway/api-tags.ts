// Tags of an API of either kind, kept in the API's document: GetTags,
// TagResource and UntagResource of apigatewayv2 (/v2/tags/<arn>) and of
// apigateway (/tags/<arn>), where the ARN is API Gateway's own:
// arn:aws:apigateway:<region>::/apis/<id> or ::/restapis/<id>.
import type { AwsRequest } from "../../server/aws-request.js";
import type { ApiKind } from "./api-store.js";
import { requireApi, type GatewayAction, type GatewayState } from "./gateway-state.js";
import { badRequest, mapField, readJson, reply } from "./wire.js";

function apiOf(state: GatewayState, arn: string): { kind: ApiKind; apiId: string; tags: Record<string, string> } {
  const match = /^arn:[^:]+:apigateway:[^:]*::\/(apis|restapis)\/([^/]+)$/.exec(arn);
  if (match === null) throw badRequest(`Invalid resource ARN ${arn}: tags are kept for APIs (arn:aws:apigateway:<region>::/apis/<id> or ::/restapis/<id>)`);
  const kind: ApiKind = match[1] === "apis" ? "http" : "rest";
  const api = requireApi(state, kind, match[2]!);
  return { kind, apiId: api.apiId, tags: { ...((api.doc.tags as Record<string, string> | undefined) ?? {}) } };
}

function save(state: GatewayState, kind: ApiKind, apiId: string, tags: Record<string, string>): void {
  const api = requireApi(state, kind, apiId);
  state.store.updateApi(apiId, { ...api.doc, tags });
}

/** The repeated `tagKeys` of UntagResource (the parsed query keeps one value per name). */
function tagKeys(request: AwsRequest): string[] {
  const url = request.stream.url ?? "";
  return [...new URLSearchParams(url.slice(url.indexOf("?") + 1)).entries()].filter(([name]) => name === "tagKeys").map(([, value]) => value);
}

export const getTags: GatewayAction = async (state, _request, [arn]) => reply(200, { tags: apiOf(state, arn!).tags });

/** TagResource: 201 with `{}` for apigatewayv2, 204 for apigateway. */
export const tagResource: GatewayAction = async (state, request, [arn]) => {
  const api = apiOf(state, arn!);
  const added = mapField((await readJson(request)).tags, "tags") ?? {};
  save(state, api.kind, api.apiId, { ...api.tags, ...added });
  return request.rawPath.startsWith("/v2/") ? reply(201, {}) : reply(204);
};

export const untagResource: GatewayAction = async (state, request, [arn]) => {
  const api = apiOf(state, arn!);
  for (const key of tagKeys(request)) delete api.tags[key];
  save(state, api.kind, api.apiId, api.tags);
  return reply(204);
};
