// What API Gateway's operations share: the store, the per-API servers and
// the cloud; and the lookups every operation starts with (the API a path
// names, one of its parts), answered with AWS's NotFoundException.
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import { ACCOUNT_ID, type CloudContext } from "../service.js";
import type { ApiKind, ApiRow, ApiStore, ItemType } from "./api-store.js";
import type { ApiServers } from "./api-servers.js";
import { notFound, type Json } from "./wire.js";

export interface GatewayState {
  readonly context: CloudContext;
  readonly store: ApiStore;
  readonly servers: ApiServers;
}

/** One operation: the request and its decoded path parameters. */
export type GatewayAction = (state: GatewayState, request: AwsRequest, params: readonly string[]) => Promise<AwsResponse>;

/** The API `apiId` of `kind`, or NotFoundException as API Gateway words it. */
export function requireApi(state: GatewayState, kind: ApiKind, apiId: string): ApiRow {
  const api = state.store.getApi(apiId, kind);
  if (api === undefined) throw notFound(`Invalid API identifier specified ${ACCOUNT_ID}:${apiId}`);
  return api;
}

const ITEM_NAMES: Readonly<Record<ItemType, string>> = {
  integration: "Integration",
  route: "Route",
  stage: "Stage",
  deployment: "Deployment",
  resource: "Resource",
};

/** A part of an API, or NotFoundException (`Invalid Route identifier specified`). */
export function requireItem<T>(state: GatewayState, apiId: string, type: ItemType, itemId: string): T {
  const item = state.store.getItem<T>(apiId, type, itemId);
  if (item === undefined) throw notFound(`Invalid ${ITEM_NAMES[type]} identifier specified ${ACCOUNT_ID}:${itemId}`);
  return item;
}

/** A document as the wire shows it: the fields the service keeps for itself (`_…`) left out. */
export function publicDoc(doc: object): Json {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith("_")));
}

/** ISO 8601 on the daemon's clock, as apigatewayv2 writes dates. */
export function isoNow(state: GatewayState): string {
  return new Date(state.context.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Epoch seconds on the daemon's clock, as the REST API control plane writes dates. */
export function epochNow(state: GatewayState): number {
  return Math.floor(state.context.clock.now() / 1000);
}
