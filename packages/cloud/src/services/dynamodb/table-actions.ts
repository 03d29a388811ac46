// CreateTable, DescribeTable, UpdateTable (billing, throughput, the stream),
// DeleteTable and ListTables, with DynamoDB's refusals and its
// TableDescription. A table is ACTIVE as soon as CreateTable has answered
// CREATING; its stream is named by the daemon's clock, as DynamoDB names it.
import { randomUUID } from "node:crypto";
import { ACCOUNT_ID } from "../service.js";
import { choice, constraint, DynamoError, optionalString, tableName, validation, type DynamoInput } from "./dynamodb-protocol.js";
import { requireTable, transact, type DynamoAction, type DynamoState } from "./dynamodb-state.js";
import type { KeyElement, TableDefinition, TableRow } from "./table-store.js";

const VIEW_TYPES = ["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"] as const;
const UNSUPPORTED = [
  "GlobalSecondaryIndexes",
  "LocalSecondaryIndexes",
  "SSESpecification",
  "ReplicaUpdates",
  "GlobalSecondaryIndexUpdates",
  "ResourcePolicy",
  "OnDemandThroughput",
  "WarmThroughput",
];
const dump = (names: readonly string[]) => `[${names.join(", ")}]`;

export function tableArn(table: Pick<TableRow, "region" | "name">): string {
  return `arn:aws:dynamodb:${table.region}:${ACCOUNT_ID}:table/${table.name}`;
}

function refuseUnsupported(input: DynamoInput): void {
  const field = UNSUPPORTED.find(
    (name) => input[name] !== undefined && input[name] !== null && !(Array.isArray(input[name]) && (input[name] as unknown[]).length === 0),
  );
  if (field !== undefined) throw validation(`The local cloud does not support ${field}.`);
}

function readKeySchema(input: DynamoInput): { hash: KeyElement; range?: KeyElement; definitions: TableDefinition["attributeDefinitions"] } {
  const definitions = input.AttributeDefinitions;
  const schema = input.KeySchema;
  if (!Array.isArray(definitions)) throw constraint(undefined, "attributeDefinitions", "Member must not be null");
  if (!Array.isArray(schema)) throw constraint(undefined, "keySchema", "Member must not be null");
  if (schema.length < 1 || schema.length > 2)
    throw constraint(schema, "keySchema", "Member must have length less than or equal to 2, Member must have length greater than or equal to 1");
  const types = new Map<string, string>();
  for (const each of definitions as Array<{ AttributeName?: unknown; AttributeType?: unknown }>) {
    if (!["S", "N", "B"].includes(String(each.AttributeType)))
      throw constraint(each.AttributeType, "attributeDefinitions.member.attributeType", "Member must satisfy enum value set: [B, N, S]");
    types.set(String(each.AttributeName), String(each.AttributeType));
  }
  const keys = (schema as Array<{ AttributeName?: unknown; KeyType?: unknown }>).map((each, index) => {
    if (each.KeyType !== "HASH" && each.KeyType !== "RANGE")
      throw constraint(each.KeyType, `keySchema.${index + 1}.member.keyType`, "Member must satisfy enum value set: [HASH, RANGE]");
    return { name: String(each.AttributeName), keyType: each.KeyType };
  });
  const hash = keys.find((key) => key.keyType === "HASH");
  const range = keys.find((key) => key.keyType === "RANGE");
  if (keys[0]!.keyType !== "HASH" || hash === undefined || (keys.length === 2 && range === undefined))
    throw validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  const used = keys.map((key) => key.name);
  const defined = [...types.keys()];
  if (used.some((name) => !types.has(name))) {
    throw validation(
      `One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ${dump(used)}, AttributeDefinitions: ${dump(defined)}`,
    );
  }
  if (defined.length > used.length)
    throw validation(
      "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
    );
  const element = (name: string): KeyElement => ({ name, type: types.get(name) as KeyElement["type"] });
  return {
    hash: element(hash.name),
    ...(range === undefined ? {} : { range: element(range.name) }),
    definitions: definitions as TableDefinition["attributeDefinitions"],
  };
}

function readBilling(input: DynamoInput, current?: TableDefinition): Pick<TableDefinition, "billingMode" | "readCapacity" | "writeCapacity"> {
  const mode = choice(input, "BillingMode", ["PROVISIONED", "PAY_PER_REQUEST"], current?.billingMode ?? "PROVISIONED");
  const throughput = input.ProvisionedThroughput as { ReadCapacityUnits?: unknown; WriteCapacityUnits?: unknown } | undefined | null;
  if (mode === "PAY_PER_REQUEST") {
    if (throughput !== undefined && throughput !== null)
      throw validation(
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
      );
    return { billingMode: mode, readCapacity: 0, writeCapacity: 0 };
  }
  if (throughput === undefined || throughput === null) {
    if (current !== undefined && current.billingMode === "PROVISIONED")
      return { billingMode: mode, readCapacity: current.readCapacity, writeCapacity: current.writeCapacity };
    throw validation(
      "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
    );
  }
  const units = (value: unknown, field: string) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
      throw constraint(value, `provisionedThroughput.${field}`, "Member must have value greater than or equal to 1");
    return value;
  };
  return {
    billingMode: mode,
    readCapacity: units(throughput.ReadCapacityUnits, "readCapacityUnits"),
    writeCapacity: units(throughput.WriteCapacityUnits, "writeCapacityUnits"),
  };
}

/** StreamSpecification: the view type to enable, null to disable, undefined to leave as is. */
function readStreamSpec(input: DynamoInput): string | null | undefined {
  const spec = input.StreamSpecification as { StreamEnabled?: unknown; StreamViewType?: unknown } | undefined | null;
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec.StreamEnabled !== "boolean") throw constraint(undefined, "streamSpecification.streamEnabled", "Member must not be null");
  if (!spec.StreamEnabled) {
    if (spec.StreamViewType !== undefined) throw validation("One or more parameter values were invalid: Disabled stream cannot have a StreamViewType");
    return null;
  }
  if (!VIEW_TYPES.includes(spec.StreamViewType as (typeof VIEW_TYPES)[number])) {
    throw validation("One or more parameter values were invalid: Enabled stream must have a StreamViewType");
  }
  return spec.StreamViewType as string;
}

function enableStream(state: DynamoState, table: Pick<TableRow, "region" | "name">, viewType: string): number {
  const now = state.context.clock.now();
  // DynamoDB's stream label: the creation time, ISO 8601 without the zone.
  const label = new Date(now).toISOString().slice(0, -1);
  return state.tables.createStream({ arn: `${tableArn(table)}/stream/${label}`, region: table.region, tableName: table.name, viewType, label, createdMs: now });
}

export function describeTable(state: DynamoState, table: TableRow, status = "ACTIVE"): Record<string, unknown> {
  const { definition: d } = table;
  const { count, bytes } = state.tables.itemCount(table.id);
  const stream = table.streamId === null ? undefined : state.tables.stream(table.streamId);
  const keySchema = [{ AttributeName: d.hash.name, KeyType: "HASH" }, ...(d.range === undefined ? [] : [{ AttributeName: d.range.name, KeyType: "RANGE" }])];
  return {
    AttributeDefinitions: d.attributeDefinitions,
    TableName: table.name,
    KeySchema: keySchema,
    TableStatus: status,
    CreationDateTime: d.createdMs / 1000,
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: d.readCapacity, WriteCapacityUnits: d.writeCapacity },
    TableSizeBytes: bytes,
    ItemCount: count,
    TableArn: tableArn(table),
    TableId: d.tableId,
    ...(d.billingMode === "PAY_PER_REQUEST"
      ? { BillingModeSummary: { BillingMode: "PAY_PER_REQUEST", LastUpdateToPayPerRequestDateTime: d.createdMs / 1000 } }
      : {}),
    ...(stream === undefined
      ? {}
      : { StreamSpecification: { StreamEnabled: true, StreamViewType: stream.viewType }, LatestStreamLabel: stream.label, LatestStreamArn: stream.arn }),
    DeletionProtectionEnabled: false,
  };
}

const createTable: DynamoAction = (state, input, request) => {
  refuseUnsupported(input);
  const name = tableName(input);
  const { hash, range, definitions } = readKeySchema(input);
  const billing = readBilling(input);
  const view = readStreamSpec(input);
  const tags = Array.isArray(input.Tags) ? (input.Tags as TableDefinition["tags"]) : [];
  return transact(state, () => {
    if (state.tables.find(request.region, name) !== undefined) throw new DynamoError("ResourceInUseException", `Table already exists: ${name}`);
    const definition: TableDefinition = {
      tableId: randomUUID(),
      createdMs: state.context.clock.now(),
      attributeDefinitions: definitions,
      hash,
      ...(range === undefined ? {} : { range }),
      ...billing,
      tags,
    };
    const table = state.tables.create(request.region, name, definition);
    if (typeof view === "string") state.tables.update(table.id, definition, enableStream(state, table, view));
    return { TableDescription: describeTable(state, state.tables.byId(table.id)!, "CREATING") };
  });
};

const describe: DynamoAction = (state, input, request) => {
  const name = tableName(input);
  const table = state.tables.find(request.region, name);
  if (table === undefined) throw new DynamoError("ResourceNotFoundException", `Requested resource not found: Table: ${name} not found`);
  return { Table: describeTable(state, table) };
};

const updateTable: DynamoAction = (state, input, request) => {
  refuseUnsupported(input);
  const table = requireTable(state, input, request.region);
  const view = readStreamSpec(input);
  const definition =
    input.BillingMode !== undefined || input.ProvisionedThroughput !== undefined
      ? { ...table.definition, ...readBilling(input, table.definition) }
      : table.definition;
  return transact(state, () => {
    let streamId = table.streamId;
    if (typeof view === "string") {
      if (streamId !== null) throw validation(`Table already has an enabled stream: TableName: ${table.name}`);
      streamId = enableStream(state, table, view);
    } else if (view === null) {
      if (streamId === null) throw validation(`Table already has no stream enabled: TableName: ${table.name}`);
      state.tables.disableStream(streamId, state.context.clock.now());
      streamId = null;
    }
    state.tables.update(table.id, definition, streamId);
    return { TableDescription: describeTable(state, state.tables.byId(table.id)!, "UPDATING") };
  });
};

const deleteTable: DynamoAction = (state, input, request) => {
  const name = tableName(input);
  const table = state.tables.find(request.region, name);
  if (table === undefined) throw new DynamoError("ResourceNotFoundException", `Requested resource not found: Table: ${name} not found`);
  return transact(state, () => {
    const description = describeTable(state, table, "DELETING");
    if (table.streamId !== null) state.tables.disableStream(table.streamId, state.context.clock.now());
    state.tables.delete(table.id);
    return { TableDescription: description };
  });
};

const listTables: DynamoAction = (state, input, request) => {
  const start = optionalString(input, "ExclusiveStartTableName");
  const limit = input.Limit === undefined ? 100 : Number(input.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw constraint(input.Limit, "limit", "Member must have value less than or equal to 100");
  const names = state.tables.names(request.region).filter((name) => start === undefined || name > start);
  const page = names.slice(0, limit);
  return { TableNames: page, ...(names.length > limit ? { LastEvaluatedTableName: page.at(-1) } : {}) };
};

export const TABLE_ACTIONS: Readonly<Record<string, DynamoAction>> = {
  CreateTable: createTable,
  DescribeTable: describe,
  UpdateTable: updateTable,
  DeleteTable: deleteTable,
  ListTables: listTables,
};
