// What an SNS action is given and returns: the request's parameters, the
// store, the region and time, and the fan-out that delivers a published
// message (deliveries.ts). Each action returns the fields of its <…Result>.
import type { QueryParams, XmlValue } from "../../protocols/query.js";
import type { Fanout } from "./deliveries.js";
import type { SnsStore } from "./sns-store.js";

export interface SnsCall {
  params: QueryParams;
  store: SnsStore;
  region: string;
  now: number;
  fanout: Fanout;
}

export type SnsResult = Record<string, XmlValue> | undefined;
export type SnsAction = (call: SnsCall) => SnsResult;
