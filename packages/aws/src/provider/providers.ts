// The provider of each resource type, by type token. A new resource type
// (a queue, a topic, an event source mapping) is one module and one row.
import { AwsError } from "../errors.js";
import { bucketProvider } from "./bucket.js";
import { bucketNotificationProvider } from "./bucket-notification.js";
import { eventRuleProvider } from "./event-rule.js";
import { eventSourceMappingProvider } from "./event-source-mapping.js";
import { eventTargetProvider } from "./event-target.js";
import { functionProvider } from "./function.js";
import { httpApiProvider } from "./http-api.js";
import { logGroupProvider } from "./log-group.js";
import { logSubscriptionFilterProvider } from "./log-subscription-filter.js";
import { permissionProvider } from "./permission.js";
import type { Provider } from "./provider.js";
import { queueProvider } from "./queue.js";
import { queuePolicyProvider } from "./queue-policy.js";
import { restApiProvider } from "./rest-api.js";
import { roleProvider } from "./role.js";
import { streamProvider } from "./stream.js";
import { tableProvider } from "./table.js";
import { topicProvider } from "./topic.js";
import { topicSubscriptionProvider } from "./topic-subscription.js";
import { rolePolicyProvider } from "./role-policy.js";
import { rolePolicyAttachmentProvider } from "./role-policy-attachment.js";

const PROVIDERS: ReadonlyMap<string, Provider> = new Map(
  [
    bucketProvider,
    bucketNotificationProvider,
    functionProvider,
    permissionProvider,
    roleProvider,
    rolePolicyProvider,
    rolePolicyAttachmentProvider,
    httpApiProvider,
    restApiProvider,
    queueProvider,
    queuePolicyProvider,
    eventSourceMappingProvider,
    tableProvider,
    topicProvider,
    topicSubscriptionProvider,
    eventRuleProvider,
    eventTargetProvider,
    streamProvider,
    logGroupProvider,
    logSubscriptionFilterProvider,
  ].map((p) => [p.type, p]),
);

export function providerFor(type: string): Provider {
  const provider = PROVIDERS.get(type);
  if (provider === undefined)
    throw new AwsError("INVALID_ARGUMENT", type, "no provider handles this resource type", { hint: "a newer closure-pack may know it" });
  return provider;
}
