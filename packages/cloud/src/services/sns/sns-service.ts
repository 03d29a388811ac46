// The SNS service (query protocol, Action=… form bodies, XML answers):
// topics, subscriptions and publishing, with delivery to functions through
// Lambda's asynchronous queue. What each action does lives in its
// *-actions.ts file.
import { AwsError } from "../../errors.js";
import { queryResponse, readQueryParams } from "../../protocols/query.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, Service } from "../service.js";
import { Fanout } from "./deliveries.js";
import { PUBLISH_ACTIONS } from "./publish-actions.js";
import type { SnsAction } from "./sns-call.js";
import { SnsStore } from "./sns-store.js";
import { SUBSCRIPTION_ACTIONS } from "./subscription-actions.js";
import { TOPIC_ACTIONS } from "./topic-actions.js";

const NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
const ACTIONS: Readonly<Record<string, SnsAction>> = { ...TOPIC_ACTIONS, ...SUBSCRIPTION_ACTIONS, ...PUBLISH_ACTIONS };
// Expired FIFO deduplication ids are dropped hourly.
const CLEANUP_INTERVAL_MS = 3_600_000;

export function createSnsService(context: CloudContext): Service {
  const store = new SnsStore(context.db);
  const fanout = new Fanout(context, store);
  let cleanup: NodeJS.Timeout | undefined;
  return {
    name: "sns",
    protocol: "query",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const params = await readQueryParams(request);
      const action = Object.hasOwn(ACTIONS, params.action) ? ACTIONS[params.action] : undefined;
      if (action === undefined) throw new AwsError("InvalidAction", `The action ${params.action} is not valid for this web service.`, 400);
      return queryResponse(params.action, NAMESPACE, action({ params, store, region: request.region, now: context.clock.now(), fanout }));
    },
    start() {
      cleanup = setInterval(() => store.forgetExpired(context.clock.now()), CLEANUP_INTERVAL_MS).unref();
    },
    async close() {
      clearInterval(cleanup);
    },
  };
}
