// SNS filter policies: matching on message attributes (String, Number,
// String.Array; Binary ignored) and on the JSON body, and SNS's refusals
// (whole messages, as after SNS's "Invalid parameter: ").
import { describe, expect, it } from "vitest";
import { matchesFilterPolicy, parseFilterPolicy, RuleError, type FilterPolicyScope, type MessageAttribute } from "../src/index.js";
import { thrown } from "./support.js";

const string = (StringValue: string): MessageAttribute => ({ DataType: "String", StringValue });
const number = (StringValue: string): MessageAttribute => ({ DataType: "Number", StringValue });
const array = (values: unknown[]): MessageAttribute => ({ DataType: "String.Array", StringValue: JSON.stringify(values) });

const ATTRIBUTES: Record<string, MessageAttribute> = {
  store: string("example_corp"),
  event: string("order_placed"),
  customer_interests: array(["soccer", "rugby", "hockey"]),
  price_usd: number("210.75"),
  encrypted: { DataType: "Binary", BinaryValue: "AAE=" },
  source_ip: string("192.168.1.77"),
};

const BODY = JSON.stringify({
  store: "example_corp",
  order: {
    total: 210.75,
    items: [
      { sku: "a-1", qty: 2 },
      { sku: "b-2", qty: 1 },
    ],
  },
  status: "Placed",
});

const MATCHES: Array<[string, object, FilterPolicyScope, boolean]> = [
  ["attributes: exact", { store: ["example_corp", "other"] }, "MessageAttributes", true],
  ["attributes: every key must match", { store: ["example_corp"], event: ["order_cancelled"] }, "MessageAttributes", false],
  ["attributes: String.Array, one element", { customer_interests: ["rugby", "tennis"] }, "MessageAttributes", true],
  ["attributes: String.Array, no element", { customer_interests: ["tennis"] }, "MessageAttributes", false],
  ["attributes: Number, numeric range", { price_usd: [{ numeric: [">=", 100, "<", 300] }] }, "MessageAttributes", true],
  ["attributes: Number, exact number", { price_usd: [210.75] }, "MessageAttributes", true],
  ["attributes: Number is not a string", { price_usd: ["210.75"] }, "MessageAttributes", false],
  ["attributes: String is not a number", { store: [{ numeric: [">", 0] }] }, "MessageAttributes", false],
  ["attributes: prefix", { event: [{ prefix: "order_" }] }, "MessageAttributes", true],
  ["attributes: suffix", { event: [{ suffix: "_placed" }] }, "MessageAttributes", true],
  ["attributes: equals-ignore-case", { store: [{ "equals-ignore-case": "EXAMPLE_CORP" }] }, "MessageAttributes", true],
  ["attributes: anything-but", { event: [{ "anything-but": ["order_cancelled"] }] }, "MessageAttributes", true],
  ["attributes: anything-but the value", { event: [{ "anything-but": "order_placed" }] }, "MessageAttributes", false],
  ["attributes: anything-but prefix", { event: [{ "anything-but": { prefix: "order" } }] }, "MessageAttributes", false],
  ["attributes: anything-but a missing key", { region: [{ "anything-but": "eu" }] }, "MessageAttributes", false],
  ["attributes: exists", { store: [{ exists: true }] }, "MessageAttributes", true],
  ["attributes: not exists", { region: [{ exists: false }] }, "MessageAttributes", true],
  ["attributes: Binary is ignored", { encrypted: [{ exists: false }] }, "MessageAttributes", true],
  ["attributes: IP address", { source_ip: [{ cidr: "192.168.1.0/24" }] }, "MessageAttributes", true],
  ["attributes: $or", { $or: [{ store: ["nope"] }, { event: ["order_placed"] }] }, "MessageAttributes", true],
  ["body: exact", { store: ["example_corp"] }, "MessageBody", true],
  ["body: nested key", { order: { total: [{ numeric: [">", 200] }] } }, "MessageBody", true],
  ["body: a key inside an array", { order: { items: { sku: [{ prefix: "b-" }] } } }, "MessageBody", true],
  ["body: two keys of one element", { order: { items: { sku: ["b-2"], qty: [1] } } }, "MessageBody", true],
  ["body: two keys of different elements", { order: { items: { sku: ["b-2"], qty: [2] } } }, "MessageBody", false],
  ["body: attributes are not the body", { event: ["order_placed"] }, "MessageBody", false],
];

const REFUSED: Array<[string, string, FilterPolicyScope, string]> = [
  ["not JSON", "{store", "MessageAttributes", "FilterPolicy: failed to parse JSON."],
  [
    "more than 5 keys",
    JSON.stringify({ a: ["1"], b: ["1"], c: ["1"], d: ["1"], e: ["1"], f: ["1"] }),
    "MessageAttributes",
    "FilterPolicy: Filter policy can not have more than 5 keys",
  ],
  [
    "nested on the attributes scope",
    JSON.stringify({ order: { total: [1] } }),
    "MessageAttributes",
    'Filter policy scope MessageAttributes does not support nested filter policy at "order"',
  ],
  ["too complex", JSON.stringify({ a: range(10), b: range(10), c: range(2) }), "MessageAttributes", "FilterPolicy: Filter policy is too complex"],
  ["too complex with depth", JSON.stringify({ a: { b: range(10) }, c: range(8) }), "MessageBody", "FilterPolicy: Filter policy is too complex"],
  ["a value not in an array", JSON.stringify({ store: "x" }), "MessageAttributes", 'FilterPolicy: "store" must be an object or an array'],
  ["an unknown match type", JSON.stringify({ store: [{ prefx: "x" }] }), "MessageAttributes", 'FilterPolicy: Unrecognized match type prefx at "store"'],
  [
    "wildcard is EventBridge's only",
    JSON.stringify({ store: [{ wildcard: "x*" }] }),
    "MessageAttributes",
    'FilterPolicy: Unrecognized match type wildcard at "store"',
  ],
  [
    "anything-but equals-ignore-case",
    JSON.stringify({ store: [{ "anything-but": { "equals-ignore-case": "x" } }] }),
    "MessageAttributes",
    'FilterPolicy: Unsupported anything-but pattern: equals-ignore-case at "store"',
  ],
  [
    "exists not a boolean",
    JSON.stringify({ store: [{ exists: "no" }] }),
    "MessageAttributes",
    'FilterPolicy: exists match pattern must be either true or false. at "store"',
  ],
  [
    "numeric bottom above top",
    JSON.stringify({ price: [{ numeric: [">", 10, "<", 5] }] }),
    "MessageAttributes",
    'FilterPolicy: Bottom must be less than top at "price"',
  ],
  [
    "a nested key in the body",
    JSON.stringify({ order: { total: [{ numeric: ["<"] }] } }),
    "MessageBody",
    'FilterPolicy: Value of < must be numeric at "order.total"',
  ],
];

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

describe("filter policies", () => {
  it.each(MATCHES)("match: %s", (_name, policy, scope, expected) => {
    expect(matchesFilterPolicy(parseFilterPolicy(JSON.stringify(policy), scope), { body: BODY, attributes: ATTRIBUTES })).toBe(expected);
  });

  it("match: a body that is not JSON matches no body policy", () => {
    expect(matchesFilterPolicy(parseFilterPolicy('{"store":[{"exists":false}]}', "MessageBody"), { body: "plain text", attributes: {} })).toBe(false);
  });

  it.each(REFUSED)("refused: %s", (_name, text, scope, message) => {
    const error = thrown(() => parseFilterPolicy(text, scope));
    expect([error instanceof RuleError, error.code, error.message]).toEqual([true, "INVALID_FILTER_POLICY", message]);
  });
});
