// aws:sns:Topic through SNS: CreateTopic with its attributes and tags (a
// topic this stack made before a crash, by its tags, is read first, adopted
// and brought in line; one someone else made is refused: AWS
// would refuse a create with other attributes, moto answers the old topic
// as it is), GetTopicAttributes to read, SetTopicAttributes for each
// attribute that differs (one left out of the program returns to SNS's
// default, except the access policy, which stays), tags by difference,
// DeleteTopic.
import { snsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { isNotFound, isOwnResource, notMadeByThisStack, resourceTags, tagList, tagRecord } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

/** Input key, SNS attribute, and the value SNS has when the attribute is not set (undefined: none to return to). */
const ATTRIBUTES: ReadonlyArray<readonly [string, string, string | undefined]> = [
  ["displayName", "DisplayName", ""],
  ["policy", "Policy", undefined],
  ["deliveryPolicy", "DeliveryPolicy", ""],
  ["kmsMasterKeyId", "KmsMasterKeyId", ""],
  ["signatureVersion", "SignatureVersion", "1"],
];

const NOT_FOUND = ["NotFoundException", "NotFound"];

async function arnOf(context: ApplyContext, id: string): Promise<string> {
  return id.startsWith("arn:") ? id : `arn:aws:sns:${context.target.region}:${await context.accountId()}:${id}`;
}

/** The attributes the program sets (CreateTopic's, or the wanted values on update: defaults for those left out). */
function wantedAttributes(inputs: Record<string, unknown>, creating: boolean): Record<string, string> {
  const wanted: Record<string, string> = {};
  for (const [key, attribute, fallback] of ATTRIBUTES) {
    const value = inputs[key];
    if (value !== undefined) wanted[attribute] = String(value);
    else if (!creating && fallback !== undefined) wanted[attribute] = fallback;
  }
  if (inputs.fifoTopic === true) {
    if (creating) wanted.FifoTopic = "true";
    wanted.ContentBasedDeduplication = String(inputs.contentBasedDeduplication === true);
  }
  return wanted;
}

async function currentAttributes(context: ApplyContext, arn: string): Promise<Record<string, string> | undefined> {
  try {
    return (await context.clients.sns.send(new (snsApi().GetTopicAttributesCommand)({ TopicArn: arn }))).Attributes ?? {};
  } catch (error) {
    if (isNotFound(error, ...NOT_FOUND)) return undefined;
    throw error;
  }
}

/** The topic's tags, or undefined when there is no such topic. */
async function tagsOf(context: ApplyContext, arn: string): Promise<Record<string, string> | undefined> {
  try {
    return tagRecord((await context.clients.sns.send(new (snsApi().ListTagsForResourceCommand)({ ResourceArn: arn }))).Tags);
  } catch (error) {
    if (isNotFound(error, "ResourceNotFound", "ResourceNotFoundException", ...NOT_FOUND)) return undefined;
    throw error;
  }
}

async function tag(context: ApplyContext, arn: string, inputs: Record<string, unknown>, known?: Record<string, string>): Promise<void> {
  const sns = context.clients.sns;
  const wanted = resourceTags(context, inputs.tags);
  const current = known ?? (await tagsOf(context, arn)) ?? {};
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  if (removed.length > 0) await sns.send(new (snsApi().UntagResourceCommand)({ ResourceArn: arn, TagKeys: removed }));
  if (Object.entries(wanted).some(([key, value]) => current[key] !== value))
    await sns.send(new (snsApi().TagResourceCommand)({ ResourceArn: arn, Tags: tagList(wanted) }));
}

/** Brings the topic in line with `inputs`; `tags` when they were just read (an adoption). */
async function update(context: ApplyContext, id: string, inputs: Record<string, unknown>, tags?: Record<string, string>): Promise<Record<string, unknown>> {
  const arn = await arnOf(context, id);
  const current = (await currentAttributes(context, arn)) ?? {};
  for (const [name, value] of Object.entries(wantedAttributes(inputs, false))) {
    if ((current[name] ?? "") === value) continue;
    await context.clients.sns.send(new (snsApi().SetTopicAttributesCommand)({ TopicArn: arn, AttributeName: name, AttributeValue: value }));
  }
  await tag(context, arn, inputs, tags);
  return { name: id, arn };
}

export const topicProvider: Provider = {
  type: TYPES.topic,
  // SNS allows 256 characters; 5 stay free for ".fifo".
  nameRule: { max: 251 },
  replaceKeys: ["name", "fifoTopic"],
  identity: (inputs, generated) => {
    if (typeof inputs.name === "string") return inputs.name;
    const base = generated.replace(/[^A-Za-z0-9_-]/g, "-");
    return inputs.fifoTopic === true ? `${base}.fifo` : base;
  },
  predict: (account, region, id) => ({ name: id, arn: `arn:aws:sns:${region}:${account}:${id}` }),

  isOwn: async (context, id) => isOwnResource(context, await tagsOf(context, await arnOf(context, id))),

  async read(context, id) {
    const arn = await arnOf(context, id);
    const attributes = await currentAttributes(context, arn);
    return attributes === undefined ? undefined : { name: arn.slice(arn.lastIndexOf(":") + 1), arn };
  },

  async create(context, id, inputs) {
    // Made before a crash: bring it in line. Read first because not every
    // endpoint refuses a create with other attributes (moto answers the old
    // topic), and SNS answers one with the same attributes with the existing
    // ARN: a topic this stack did not make (its tags say) is refused, never
    // adopted. One read tells both whether the topic exists and whose it is.
    const tags = await tagsOf(context, await arnOf(context, id));
    if (tags !== undefined) {
      if (!isOwnResource(context, tags)) throw notMadeByThisStack("topic", id, "TopicAlreadyExists");
      return update(context, id, inputs, tags);
    }
    const made = await context.clients.sns.send(
      new (snsApi().CreateTopicCommand)({ Name: id, Attributes: wantedAttributes(inputs, true), Tags: tagList(resourceTags(context, inputs.tags)) }),
    );
    return { name: id, arn: made.TopicArn! };
  },

  update: (context, id, _olds, inputs) => update(context, id, inputs),

  async delete(context, id) {
    try {
      await context.clients.sns.send(new (snsApi().DeleteTopicCommand)({ TopicArn: await arnOf(context, id) }));
    } catch (error) {
      if (!isNotFound(error, ...NOT_FOUND)) throw error;
    }
  },
};
