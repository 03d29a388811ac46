// dynamodb.Table: a table (physical name `<name>-<7 hex>` unless `name` is
// given; changing the name or the key schema replaces it), with @pulumi/aws's
// arguments (attributes, hashKey, rangeKey, billingMode, capacities, the
// stream), outputs name, arn, streamArn and streamLabel, and its
// subscription: onEvent reads the table's stream through a mapping.
import { checkInteger, checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Handler } from "../lambda/handler.js";
import type { TableEvent, TableEventSubscriptionArgs } from "./events.js";
import { subscribeTable, type TableEventSubscription } from "./subscription.js";

export interface TableAttribute {
  name: string;
  /** S (string), N (number) or B (binary). */
  type: "S" | "N" | "B";
}

export interface TableArgs {
  /** The table's name; default `<name>-<7 hex>`. */
  name?: Input<string>;
  /** The key attributes' types (only key attributes: DynamoDB refuses others). */
  attributes: TableAttribute[];
  hashKey: string;
  rangeKey?: string;
  /** Default "PROVISIONED" (with readCapacity and writeCapacity), as in @pulumi/aws. */
  billingMode?: "PROVISIONED" | "PAY_PER_REQUEST";
  readCapacity?: number;
  writeCapacity?: number;
  streamEnabled?: boolean;
  streamViewType?: "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";
  tags?: Tags;
}

const VIEW_TYPES = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"];

export class Table extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;
  /** The stream's ARN ("" when the stream is off). */
  readonly streamArn: Output<string>;
  readonly streamLabel: Output<string>;
  /** Whether the stream is on, when declared here (undefined for a table from get()). */
  readonly streamEnabled: boolean | undefined;

  constructor(name: string, args: TableArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.table, name, read ? {} : tableInputs(name, args), options, ["name", "arn", "streamArn", "streamLabel"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
    this.streamArn = this.output("streamArn");
    this.streamLabel = this.output("streamLabel");
    this.streamEnabled = read ? undefined : args.streamEnabled === true;
  }

  /** The existing table named `id`, read and never changed. */
  static get(name: string, id: Input<string>): Table {
    return new Table(name, { attributes: [], hashKey: "" }, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` with batches of the table's stream records (Lambda reads the stream through an event source mapping). */
  onEvent(name: string, handler: Handler<TableEvent>, args: TableEventSubscriptionArgs): TableEventSubscription {
    return subscribeTable(this, name, handler, args);
  }
}

function tableInputs(name: string, args: TableArgs): Record<string, unknown> {
  const type = TYPES.table;
  const given = checkObject(type, name, args) as Partial<TableArgs>;
  checkString(type, name, "name", given.name);
  checkTags(type, name, given.tags);
  const attributes = checkKeys(name, given);
  const mode = given.billingMode ?? "PROVISIONED";
  if (mode !== "PROVISIONED" && mode !== "PAY_PER_REQUEST")
    throw invalidArgument(type, name, `"billingMode" must be "PROVISIONED" or "PAY_PER_REQUEST", got ${JSON.stringify(mode)}`);
  if (mode === "PROVISIONED" && (given.readCapacity === undefined || given.writeCapacity === undefined)) {
    throw invalidArgument(
      type,
      name,
      "billingMode PROVISIONED needs readCapacity and writeCapacity",
      'set readCapacity and writeCapacity, or billingMode: "PAY_PER_REQUEST"',
    );
  }
  if (mode === "PAY_PER_REQUEST" && (given.readCapacity !== undefined || given.writeCapacity !== undefined)) {
    throw invalidArgument(
      type,
      name,
      "readCapacity and writeCapacity apply to billingMode PROVISIONED only",
      'leave them out, or set billingMode: "PROVISIONED"',
    );
  }
  checkInteger(type, name, "readCapacity", given.readCapacity, 1, 40000);
  checkInteger(type, name, "writeCapacity", given.writeCapacity, 1, 40000);
  const stream = given.streamEnabled === true;
  if (stream && !VIEW_TYPES.includes(String(given.streamViewType))) {
    throw invalidArgument(type, name, `a stream needs "streamViewType": one of ${VIEW_TYPES.join(", ")}`, 'streamViewType: "NEW_AND_OLD_IMAGES"');
  }
  if (!stream && given.streamViewType !== undefined) throw invalidArgument(type, name, `"streamViewType" needs streamEnabled: true`);
  return defined({
    name: given.name,
    attributes,
    hashKey: given.hashKey,
    rangeKey: given.rangeKey,
    billingMode: mode,
    readCapacity: given.readCapacity,
    writeCapacity: given.writeCapacity,
    streamEnabled: stream,
    streamViewType: stream ? given.streamViewType : undefined,
    tags: given.tags,
  });
}

function checkKeys(name: string, given: Partial<TableArgs>): TableAttribute[] {
  const type = TYPES.table;
  if (!Array.isArray(given.attributes) || given.attributes.length === 0)
    throw invalidArgument(type, name, `"attributes" must list the key attributes`, 'attributes: [{ name: "id", type: "S" }]');
  for (const attribute of given.attributes) {
    if (!["S", "N", "B"].includes(attribute?.type))
      throw invalidArgument(type, name, `attribute ${JSON.stringify(attribute?.name)} must have type "S", "N" or "B", got ${JSON.stringify(attribute?.type)}`);
  }
  const names = given.attributes.map((attribute) => attribute.name);
  const keys = [given.hashKey, given.rangeKey].filter((key): key is string => key !== undefined);
  if (typeof given.hashKey !== "string" || given.hashKey === "") throw invalidArgument(type, name, `"hashKey" is required`);
  const missing = keys.find((key) => !names.includes(key));
  if (missing !== undefined)
    throw invalidArgument(type, name, `the key "${missing}" is not among the attributes`, `add { name: "${missing}", type: "S" } to attributes`);
  const extra = names.find((each) => !keys.includes(each));
  if (extra !== undefined) {
    throw invalidArgument(
      type,
      name,
      `attribute "${extra}" is not a key: AWS refuses attribute definitions that no key uses`,
      "list only hashKey and rangeKey in attributes (items may hold any other attribute)",
    );
  }
  return given.attributes.map((attribute) => ({ name: attribute.name, type: attribute.type }));
}
