// aws:cloudwatch:EventRule through EventBridge: PutRule creates and updates
// alike (the whole rule is replaced by what the program says), so a create
// reads the name's tags first: a rule this stack made before a crash is put
// again, one someone else made is refused, never overwritten. DescribeRule
// to read, tags by difference (TagResource / UntagResource), DeleteRule once
// its targets are gone (they depend on it, so the engine deletes them first).
import { eventsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { isNotFound, isOwnResource, notMadeByThisStack, resourceTags, tagList, tagRecord } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

/** PutRule; `tags`: undefined for a new rule (PutRule sets them), else the rule's current tags (read when not given). */
async function put(
  context: ApplyContext,
  id: string,
  inputs: Record<string, unknown>,
  creating: boolean,
  tags?: Record<string, string>,
): Promise<Record<string, unknown>> {
  const events = context.clients.events;
  const { RuleArn } = await events.send(
    new (eventsApi().PutRuleCommand)({
      Name: id,
      State: (inputs.state as "ENABLED" | "DISABLED" | undefined) ?? "ENABLED",
      ...(typeof inputs.eventPattern === "string" ? { EventPattern: inputs.eventPattern } : {}),
      ...(typeof inputs.scheduleExpression === "string" ? { ScheduleExpression: inputs.scheduleExpression } : {}),
      ...(typeof inputs.description === "string" ? { Description: inputs.description } : {}),
      ...(creating ? { Tags: tagList(resourceTags(context, inputs.tags)) } : {}),
    }),
  );
  if (!creating) await tag(context, RuleArn!, inputs, tags);
  return { name: id, arn: RuleArn! };
}

/** The tags of the rule `arn`, or undefined when there is no such rule. */
async function tagsOf(context: ApplyContext, arn: string): Promise<Record<string, string> | undefined> {
  try {
    return tagRecord((await context.clients.events.send(new (eventsApi().ListTagsForResourceCommand)({ ResourceARN: arn }))).Tags);
  } catch (error) {
    if (isNotFound(error, "ResourceNotFoundException")) return undefined;
    throw error;
  }
}

async function tag(context: ApplyContext, arn: string, inputs: Record<string, unknown>, known?: Record<string, string>): Promise<void> {
  const events = context.clients.events;
  const wanted = resourceTags(context, inputs.tags);
  const current = known ?? (await tagsOf(context, arn)) ?? {};
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  if (removed.length > 0) await events.send(new (eventsApi().UntagResourceCommand)({ ResourceARN: arn, TagKeys: removed }));
  if (Object.entries(wanted).some(([key, value]) => current[key] !== value))
    await events.send(new (eventsApi().TagResourceCommand)({ ResourceARN: arn, Tags: tagList(wanted) }));
}

export const eventRuleProvider: Provider = {
  type: TYPES.eventRule,
  nameRule: { max: 64 },
  replaceKeys: ["name"],
  identity: (inputs, generated) => (typeof inputs.name === "string" ? inputs.name : generated.replace(/[^.\-_A-Za-z0-9]/g, "-")),
  predict: (account, region, id) => ({ name: id, arn: `arn:aws:events:${region}:${account}:rule/${id}` }),

  isOwn: async (context, id) =>
    isOwnResource(context, await tagsOf(context, `arn:aws:events:${context.target.region}:${await context.accountId()}:rule/${id}`)),

  async read(context, id) {
    try {
      const rule = await context.clients.events.send(new (eventsApi().DescribeRuleCommand)({ Name: id }));
      return { name: rule.Name, arn: rule.Arn };
    } catch (error) {
      if (isNotFound(error, "ResourceNotFoundException")) return undefined;
      throw error;
    }
  },
  async create(context, id, inputs) {
    const tags = await tagsOf(context, `arn:aws:events:${context.target.region}:${await context.accountId()}:rule/${id}`);
    if (tags === undefined) return put(context, id, inputs, true);
    if (!isOwnResource(context, tags)) throw notMadeByThisStack("rule", id, "ResourceAlreadyExistsException");
    return put(context, id, inputs, false, tags);
  },
  update: (context, id, _olds, inputs) => put(context, id, inputs, false),

  async delete(context, id) {
    try {
      await context.clients.events.send(new (eventsApi().DeleteRuleCommand)({ Name: id }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
