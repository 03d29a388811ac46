// Log groups and streams: create, delete, describe (paged), retention and
// tags (TagResource by ARN, and the older TagLogGroup by name).
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import {
  decodeToken,
  encodeToken,
  groupArn,
  groupNameOf,
  invalid,
  limitOf,
  optionalString,
  requireGroup,
  requiredString,
  type LogsInput,
} from "./logs-input.js";
import type { LambdaTarget } from "../service.js";
import type { LogsStore } from "./logs-store.js";
import type { SubscriptionDelivery } from "./subscription-delivery.js";
import type { SubscriptionStore } from "./subscription-store.js";

export interface LogsCall {
  input: LogsInput;
  store: LogsStore;
  subscriptions: SubscriptionStore;
  /** Queues what events written by the call deliver to subscription filters. */
  delivery: SubscriptionDelivery;
  /** Lambda, for the destination checks of subscription filters (undefined in a cloud built without it). */
  lambda: LambdaTarget | undefined;
  request: AwsRequest;
  now: number;
}

export type LogsAction = (call: LogsCall) => unknown;

const NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export const GROUP_ACTIONS: Readonly<Record<string, LogsAction>> = {
  CreateLogGroup: ({ input, store, now }) => {
    const name = requiredString(input, "logGroupName");
    if (!NAME.test(name))
      throw invalid(
        `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
      );
    if (!store.createGroup(name, now, tagsOf(input))) throw new AwsError("ResourceAlreadyExistsException", "The specified log group already exists", 400);
    return {};
  },
  DeleteLogGroup: ({ input, store, subscriptions }) => {
    const name = requireGroup(store, groupNameOf(input)).name;
    store.transaction(() => {
      subscriptions.deleteGroup(name);
      store.deleteGroup(name);
    });
    return {};
  },
  DescribeLogGroups: ({ input, store, request }) => {
    const limit = limitOf(input, "limit", 1, 50, 50);
    const token = optionalString(input, "nextToken");
    const groups = store.listGroups(optionalString(input, "logGroupNamePrefix") ?? "", token === undefined ? "" : decodeToken(token), limit + 1);
    const page = groups.slice(0, limit);
    const logGroups = page.map((group) => ({
      logGroupName: group.name,
      creationTime: group.created,
      ...(group.retentionDays === null ? {} : { retentionInDays: group.retentionDays }),
      metricFilterCount: 0,
      arn: `${groupArn(request.region, group.name)}:*`,
      logGroupArn: groupArn(request.region, group.name),
      storedBytes: group.storedBytes,
      logGroupClass: "STANDARD",
    }));
    return { logGroups, ...(groups.length > limit ? { nextToken: encodeToken(page.at(-1)!.name) } : {}) };
  },
  PutRetentionPolicy: ({ input, store }) => {
    const group = requireGroup(store, groupNameOf(input));
    const days = input.retentionInDays;
    if (typeof days !== "number" || !RETENTION.includes(days)) {
      throw invalid(
        `1 validation error detected: Value '${String(days)}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION.join(", ")}]`,
      );
    }
    store.updateGroup(group.name, { retentionDays: days });
    return {};
  },
  DeleteRetentionPolicy: ({ input, store }) => {
    store.updateGroup(requireGroup(store, groupNameOf(input)).name, { retentionDays: null });
    return {};
  },
  CreateLogStream: ({ input, store, now }) => {
    const group = requireGroup(store, groupNameOf(input));
    const name = requiredString(input, "logStreamName");
    if (name.includes(":") || name.includes("*") || name.length > 512)
      throw invalid(
        `1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`,
      );
    if (!store.createStream(group.name, name, now)) throw new AwsError("ResourceAlreadyExistsException", "The specified log stream already exists", 400);
    return {};
  },
  DeleteLogStream: ({ input, store }) => {
    const group = requireGroup(store, groupNameOf(input));
    const name = requiredString(input, "logStreamName");
    if (store.getStream(group.name, name) === undefined) throw new AwsError("ResourceNotFoundException", "The specified log stream does not exist.", 400);
    store.deleteStream(group.name, name);
    return {};
  },
  DescribeLogStreams: describeLogStreams,
  TagResource: ({ input, store }) => {
    const group = requireGroup(store, groupNameOf({ logGroupIdentifier: requiredString(input, "resourceArn") }));
    store.updateGroup(group.name, { tags: { ...group.tags, ...tagsOf(input) } });
    return {};
  },
  UntagResource: ({ input, store }) => {
    const group = requireGroup(store, groupNameOf({ logGroupIdentifier: requiredString(input, "resourceArn") }));
    store.updateGroup(group.name, { tags: withoutKeys(group.tags, input.tagKeys) });
    return {};
  },
  ListTagsForResource: ({ input, store }) => ({ tags: requireGroup(store, groupNameOf({ logGroupIdentifier: requiredString(input, "resourceArn") })).tags }),
  TagLogGroup: ({ input, store }) => {
    const group = requireGroup(store, groupNameOf(input));
    store.updateGroup(group.name, { tags: { ...group.tags, ...tagsOf(input) } });
    return {};
  },
  UntagLogGroup: ({ input, store }) => {
    const group = requireGroup(store, groupNameOf(input));
    store.updateGroup(group.name, { tags: withoutKeys(group.tags, input.tags) });
    return {};
  },
  ListTagsLogGroup: ({ input, store }) => ({ tags: requireGroup(store, groupNameOf(input)).tags }),
};

function describeLogStreams({ input, store, request }: LogsCall): unknown {
  const group = requireGroup(store, groupNameOf(input));
  const prefix = optionalString(input, "logStreamNamePrefix") ?? "";
  const byTime = optionalString(input, "orderBy") === "LastEventTime";
  if (byTime && prefix !== "") throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
  const limit = limitOf(input, "limit", 1, 50, 50);
  let streams = store.listStreams(group.name).filter((stream) => stream.name.startsWith(prefix));
  if (byTime) streams.sort((a, b) => (a.lastEvent ?? a.created) - (b.lastEvent ?? b.created));
  if (input.descending === true) streams = streams.reverse();
  const token = optionalString(input, "nextToken");
  const start = token === undefined ? 0 : Number(decodeToken(token));
  const page = streams.slice(start, start + limit);
  const logStreams = page.map((stream) => ({
    logStreamName: stream.name,
    creationTime: stream.created,
    ...(stream.firstEvent === null
      ? {}
      : { firstEventTimestamp: stream.firstEvent, lastEventTimestamp: stream.lastEvent, lastIngestionTime: stream.lastIngestion }),
    arn: `${groupArn(request.region, group.name)}:log-stream:${stream.name}`,
    storedBytes: 0,
  }));
  return { logStreams, ...(start + limit < streams.length ? { nextToken: encodeToken(String(start + limit)) } : {}) };
}

function tagsOf(input: LogsInput): Record<string, string> {
  const tags = input.tags;
  if (tags === undefined || tags === null) return {};
  if (typeof tags !== "object" || Array.isArray(tags)) throw invalid("tags must be a map of strings");
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, String(value)]));
}

function withoutKeys(tags: Record<string, string>, keys: unknown): Record<string, string> {
  const removed = new Set(Array.isArray(keys) ? keys.map(String) : []);
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !removed.has(key)));
}
