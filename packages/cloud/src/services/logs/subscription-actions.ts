// Subscription filters: PutSubscriptionFilter (creates, or replaces the
// filter of that name), DescribeSubscriptionFilters and
// DeleteSubscriptionFilter, with CloudWatch's limits and refusals: two
// filters per group, a pattern it can read, a destination function that
// exists and lets logs.amazonaws.com invoke it for the group. A function
// may not subscribe to its own log group (AWS refuses it: every delivery
// would log and be delivered again); the local cloud also refuses a filter
// that closes a longer loop through other functions' groups, so the daemon
// can never feed a function's lines back to it without end.
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import { compileFilterPattern } from "./filter-pattern.js";
import type { LogsAction, LogsCall } from "./group-actions.js";
import { decodeToken, encodeToken, groupArn, invalid, limitOf, optionalString, requireGroup, requiredString, type LogsInput } from "./logs-input.js";
import type { SubscriptionRow, SubscriptionStore } from "./subscription-store.js";

const MAX_FILTERS = 2;
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(:[a-zA-Z0-9-_$]+)?$/;
const NO_PERMISSION = "Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.";

export const SUBSCRIPTION_ACTIONS: Readonly<Record<string, LogsAction>> = {
  PutSubscriptionFilter: putSubscriptionFilter,
  DescribeSubscriptionFilters: describeSubscriptionFilters,
  DeleteSubscriptionFilter: ({ input, store, subscriptions }) => {
    const group = requireGroup(store, requiredString(input, "logGroupName"));
    if (!subscriptions.delete(group.name, requiredString(input, "filterName"))) {
      throw new AwsError("ResourceNotFoundException", "The specified subscription filter does not exist.", 400);
    }
    return {};
  },
};

function putSubscriptionFilter({ input, store, subscriptions, lambda, request, now }: LogsCall): unknown {
  const filterName = filterNameOf(input);
  const filterPattern = filterPatternOf(input);
  const destinationArn = requiredString(input, "destinationArn");
  const distribution = optionalString(input, "distribution") ?? "ByLogStream";
  if (distribution !== "ByLogStream" && distribution !== "Random") {
    throw invalid(
      `1 validation error detected: Value '${distribution}' at 'distribution' failed to satisfy constraint: Member must satisfy enum value set: [Random, ByLogStream]`,
    );
  }
  const group = requireGroup(store, requiredString(input, "logGroupName"));
  compileFilterPattern(filterPattern);
  const existing = subscriptions.ofGroup(group.name);
  const replaced = existing.find((each) => each.filterName === filterName);
  if (replaced === undefined && existing.length >= MAX_FILTERS) throw new AwsError("LimitExceededException", "Resource limit exceeded.", 400);
  const target = LAMBDA_ARN.exec(destinationArn);
  if (target === null) throw invalid("The local cloud delivers subscription filters to Lambda functions only: destinationArn must be a function's ARN.");
  const functionName = target[3]!;
  if (group.name === `/aws/lambda/${functionName}`) {
    throw invalid(
      `The destination function ${functionName} cannot subscribe to its own log group ${group.name}: each delivery would write lines that are delivered again.`,
    );
  }
  const loop = loopThrough(subscriptions, group.name, functionName);
  if (loop !== undefined) throw invalid(`This subscription filter would make a loop of deliveries: ${loop.join(" -> ")}.`);
  const sourceArn = `${groupArn(target[1] ?? request.region, group.name)}:*`;
  if (lambda === undefined || !lambda.allowsInvoke(destinationArn, "logs.amazonaws.com", sourceArn, ACCOUNT_ID)) throw invalid(NO_PERMISSION);
  const roleArn = optionalString(input, "roleArn") ?? null;
  subscriptions.put({ groupName: group.name, filterName, filterPattern, destinationArn, roleArn, distribution, created: replaced?.created ?? now });
  return {};
}

function describeSubscriptionFilters({ input, store, subscriptions }: LogsCall): unknown {
  const group = requireGroup(store, requiredString(input, "logGroupName"));
  const prefix = optionalString(input, "filterNamePrefix") ?? "";
  const limit = limitOf(input, "limit", 1, 50, 50);
  const token = optionalString(input, "nextToken");
  const after = token === undefined ? undefined : decodeToken(token);
  const rows = subscriptions.ofGroup(group.name).filter((row) => row.filterName.startsWith(prefix) && (after === undefined || row.filterName > after));
  const page = rows.slice(0, limit);
  return { subscriptionFilters: page.map(described), ...(rows.length > limit ? { nextToken: encodeToken(page.at(-1)!.filterName) } : {}) };
}

function described(row: SubscriptionRow): Record<string, unknown> {
  return {
    filterName: row.filterName,
    logGroupName: row.groupName,
    filterPattern: row.filterPattern,
    destinationArn: row.destinationArn,
    ...(row.roleArn === null ? {} : { roleArn: row.roleArn }),
    distribution: row.distribution,
    creationTime: row.created,
  };
}

function filterNameOf(input: LogsInput): string {
  const name = requiredString(input, "filterName");
  if (name.length > 512 || /[:*]/.test(name)) {
    throw invalid(
      `1 validation error detected: Value '${name}' at 'filterName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`,
    );
  }
  return name;
}

// Required, but may be empty (every event then matches).
function filterPatternOf(input: LogsInput): string {
  const pattern = input.filterPattern;
  if (typeof pattern !== "string")
    throw invalid("1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null");
  if (pattern.length > 1024)
    throw invalid("1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to 1024");
  return pattern;
}

/**
 * The loop a new filter on `group` to `functionName` would close, as the
 * chain of groups and functions from `group` back to it; undefined when
 * the function's lines never reach `group` through existing filters.
 */
function loopThrough(subscriptions: SubscriptionStore, group: string, functionName: string): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const row of subscriptions.all()) {
    const name = LAMBDA_ARN.exec(row.destinationArn)?.[3];
    if (name !== undefined) edges.set(row.groupName, [...(edges.get(row.groupName) ?? []), name]);
  }
  // Breadth first from the function's own group; `via` remembers how each group was reached.
  const start = `/aws/lambda/${functionName}`;
  const via = new Map<string, { from: string; through: string } | null>([[start, null]]);
  for (const queue = [start]; queue.length > 0;) {
    const current = queue.shift()!;
    for (const next of edges.get(current) ?? []) {
      const nextGroup = `/aws/lambda/${next}`;
      if (via.has(nextGroup)) continue;
      via.set(nextGroup, { from: current, through: next });
      if (nextGroup === group) return chain(via, group, functionName);
      queue.push(nextGroup);
    }
  }
  return undefined;
}

function chain(via: Map<string, { from: string; through: string } | null>, group: string, functionName: string): string[] {
  const steps: string[] = [group];
  for (let at = via.get(group); at !== null && at !== undefined; at = via.get(at.from)) steps.unshift(at.from, at.through);
  return [group, functionName, ...steps];
}
