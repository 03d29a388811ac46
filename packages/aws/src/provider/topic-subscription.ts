// aws:sns:TopicSubscription through SNS. Its id is
// `<topic ARN>|<protocol>|<endpoint>`: SNS keeps one subscription per
// triple and makes the ARN itself, so a Subscribe cut short by a crash is
// found again by listing the topic's subscriptions, before Subscribe. Attributes change in place, each that differs
// with its own SetSubscriptionAttributes; a scope and its policy in the
// order SNS accepts (a nested policy needs the MessageBody scope first).
import { snsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

/** Input key, SNS attribute, and the value SNS has when the attribute is not set. */
const ATTRIBUTES: ReadonlyArray<readonly [string, string, string]> = [
  ["rawMessageDelivery", "RawMessageDelivery", "false"],
  ["redrivePolicy", "RedrivePolicy", ""],
  ["deliveryPolicy", "DeliveryPolicy", ""],
  ["subscriptionRoleArn", "SubscriptionRoleArn", ""],
];

const NOT_FOUND = ["NotFoundException", "NotFound"];

function split(id: string): { topicArn: string; protocol: string; endpoint: string } {
  const [topicArn = "", protocol = "", ...rest] = id.split("|");
  return { topicArn, protocol, endpoint: rest.join("|") };
}

/** The attributes the program wants, in the order they must be set; `creating` leaves out the unset ones. */
function wantedAttributes(inputs: Record<string, unknown>, creating: boolean): Array<[string, string]> {
  const wanted: Array<[string, string]> = [];
  for (const [key, attribute, fallback] of ATTRIBUTES) {
    if (inputs[key] !== undefined) wanted.push([attribute, String(inputs[key])]);
    else if (!creating) wanted.push([attribute, fallback]);
  }
  const policy = inputs.filterPolicy;
  if (policy === undefined) return creating ? wanted : [...wanted, ["FilterPolicy", ""]];
  const scope = String(inputs.filterPolicyScope ?? "MessageAttributes");
  // SNS checks the policy against the scope it has: widen to the body first, narrow after.
  return scope === "MessageBody"
    ? [...wanted, ["FilterPolicyScope", scope], ["FilterPolicy", String(policy)]]
    : [...wanted, ["FilterPolicy", String(policy)], ["FilterPolicyScope", scope]];
}

/** The ARN of the subscription an id names (a subscription ARN, or the topic, protocol and endpoint), or undefined. */
async function find(context: ApplyContext, id: string): Promise<string | undefined> {
  const sns = context.clients.sns;
  try {
    if (!id.includes("|")) return (await sns.send(new (snsApi().GetSubscriptionAttributesCommand)({ SubscriptionArn: id }))).Attributes?.SubscriptionArn ?? id;
    const { topicArn, protocol, endpoint } = split(id);
    let token: string | undefined;
    do {
      const page = await sns.send(new (snsApi().ListSubscriptionsByTopicCommand)({ TopicArn: topicArn, ...(token === undefined ? {} : { NextToken: token }) }));
      const found = page.Subscriptions?.find((each) => each.Protocol === protocol && each.Endpoint === endpoint);
      if (found?.SubscriptionArn !== undefined) return found.SubscriptionArn;
      token = page.NextToken;
    } while (token !== undefined);
    return undefined;
  } catch (error) {
    if (isNotFound(error, ...NOT_FOUND)) return undefined;
    throw error;
  }
}

/** Same JSON (SNS may answer a policy with other spacing), or the same text. */
function sameValue(current: string | undefined, wanted: string): boolean {
  if ((current ?? "") === wanted) return true;
  try {
    return JSON.stringify(JSON.parse(current ?? "")) === JSON.stringify(JSON.parse(wanted));
  } catch {
    return false;
  }
}

async function update(context: ApplyContext, arn: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const sns = context.clients.sns;
  const current = (await sns.send(new (snsApi().GetSubscriptionAttributesCommand)({ SubscriptionArn: arn }))).Attributes ?? {};
  for (const [name, value] of wantedAttributes(inputs, false)) {
    if (sameValue(current[name], value)) continue;
    await sns.send(new (snsApi().SetSubscriptionAttributesCommand)({ SubscriptionArn: arn, AttributeName: name, AttributeValue: value }));
  }
  return { arn };
}

export const topicSubscriptionProvider: Provider = {
  type: TYPES.topicSubscription,
  nameRule: { max: 100 },
  replaceKeys: ["topic", "protocol", "endpoint"],
  identity: (inputs) => `${String(inputs.topic)}|${String(inputs.protocol)}|${String(inputs.endpoint)}`,
  predict: () => ({}),

  async read(context, id) {
    const arn = await find(context, id);
    return arn === undefined ? undefined : { arn };
  },

  async create(context, id, inputs) {
    // Made before a crash (or by hand): bring it in line. Listed first because
    // not every endpoint refuses a Subscribe with other attributes (moto answers the old one as it is).
    const existing = await find(context, id);
    if (existing !== undefined) return update(context, existing, inputs);
    const { topicArn, protocol, endpoint } = split(id);
    const attributes = Object.fromEntries(wantedAttributes(inputs, true));
    const made = await context.clients.sns.send(
      new (snsApi().SubscribeCommand)({ TopicArn: topicArn, Protocol: protocol, Endpoint: endpoint, Attributes: attributes, ReturnSubscriptionArn: true }),
    );
    return { arn: made.SubscriptionArn! };
  },

  async update(context, id, _olds, inputs, previous) {
    const arn = typeof previous.arn === "string" ? previous.arn : await find(context, id);
    return arn === undefined ? topicSubscriptionProvider.create(context, id, inputs) : update(context, arn, inputs);
  },

  async delete(context, id, _inputs, previous) {
    const arn = typeof previous.arn === "string" ? previous.arn : await find(context, id);
    if (arn === undefined) return;
    try {
      await context.clients.sns.send(new (snsApi().UnsubscribeCommand)({ SubscriptionArn: arn }));
    } catch (error) {
      if (!isNotFound(error, ...NOT_FOUND)) throw error;
    }
  },
};
