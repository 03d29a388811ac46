// aws:cloudwatch:LogSubscriptionFilter through CloudWatch Logs. Its id is
// `<group>|<filter name>`, CloudWatch's own key of a filter:
// PutSubscriptionFilter creates and updates alike (one made before a crash
// is simply put again), DescribeSubscriptionFilters reads,
// DeleteSubscriptionFilter deletes. AWS checks the destination's permission
// when the filter is put, and a permission just added may take a moment to
// be seen: that refusal is retried. A function's own group as the source
// is refused at plan time (check), as AWS refuses it.
import { logsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, retrying } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function split(id: string): { group: string; filterName: string } {
  const at = id.lastIndexOf("|");
  return { group: id.slice(0, at), filterName: id.slice(at + 1) };
}

const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]*:\d{12}:function:([a-zA-Z0-9-_]+)(:[^:]+)?$/;

async function put(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { group, filterName } = split(id);
  const command = new (logsApi().PutSubscriptionFilterCommand)({
    logGroupName: group,
    filterName,
    filterPattern: String(inputs.filterPattern ?? ""),
    destinationArn: String(inputs.destinationArn),
    ...(typeof inputs.roleArn === "string" ? { roleArn: inputs.roleArn } : {}),
    ...(typeof inputs.distribution === "string" ? { distribution: inputs.distribution as "ByLogStream" } : {}),
  });
  const notYetAllowed = (error: unknown) =>
    errorCode(error) === "InvalidParameterException" && String((error as Error).message).startsWith("Could not execute the lambda function");
  await retrying(context, notYetAllowed, () => context.clients.logs.send(command));
  return { name: filterName };
}

export const logSubscriptionFilterProvider: Provider = {
  type: TYPES.logSubscriptionFilter,
  nameRule: { max: 512 },
  replaceKeys: ["logGroup", "name"],
  check(inputs) {
    const name = typeof inputs.destinationArn === "string" ? FUNCTION_ARN.exec(inputs.destinationArn)?.[1] : undefined;
    if (name === undefined || inputs.logGroup !== `/aws/lambda/${name}`) return undefined;
    return {
      problem: `a function cannot subscribe to its own log group: ${inputs.logGroup} is the log group of the destination function ${name} (AWS refuses it: each delivery would write lines that are delivered again)`,
      hint: "subscribe another function to this group, or this function to another group",
    };
  },
  identity: (inputs, generated) => `${String(inputs.logGroup)}|${typeof inputs.name === "string" ? inputs.name : generated}`,
  predict: (_account, _region, id) => ({ name: split(id).filterName }),

  async read(context, id) {
    const { group, filterName } = split(id);
    try {
      const { subscriptionFilters = [] } = await context.clients.logs.send(
        new (logsApi().DescribeSubscriptionFiltersCommand)({ logGroupName: group, filterNamePrefix: filterName }),
      );
      return subscriptionFilters.some((filter) => filter.filterName === filterName) ? { name: filterName } : undefined;
    } catch (error) {
      if (isNotFound(error, "ResourceNotFoundException")) return undefined;
      throw error;
    }
  },
  create: (context, id, inputs) => put(context, id, inputs),
  update: (context, id, _olds, inputs) => put(context, id, inputs),

  async delete(context, id) {
    const { group, filterName } = split(id);
    try {
      await context.clients.logs.send(new (logsApi().DeleteSubscriptionFilterCommand)({ logGroupName: group, filterName }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
