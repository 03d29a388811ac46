// `closure-pack dynamodb put|get|delete`: an item in or out of a table for
// users without the aws CLI, through @aws-sdk/client-dynamodb, sent where
// data-target.ts says (the local cloud's daemon on whatever port it runs,
// unless told otherwise). A table is named as the program names it or by its
// own name. Items and keys are plain JSON (strings, numbers, booleans, null,
// lists, objects), converted to and from DynamoDB's attribute values here.
import { DeleteItemCommand, DynamoDBServiceException, GetItemCommand, ListTablesCommand, PutItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { TYPES } from "@closure-pack/aws/engine";
import { describeCallFailure, openDataTarget, stackResource, textOrStdin, unknownNameHint, type DataTarget } from "../data-target.js";
import type { DynamoDbCommand } from "../dynamodb-args.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";

export async function runDynamoDb(command: DynamoDbCommand, io: Io): Promise<number> {
  const target = await openDataTarget(command, "DYNAMODB", io);
  const ddb = target.context.clients.dynamodb;
  const table = stackResource(target, TYPES.table, command.table)?.id ?? command.table;
  try {
    const text = await textOrStdin(command.text, io, command.action === "put" ? "item" : "key");
    const value = toMap(parseJson(text, command.action === "put" ? "item" : "key"));
    if (command.action === "put") {
      await ddb.send(new PutItemCommand({ TableName: table, Item: value }));
      if (command.json) io.out("{}\n");
    } else if (command.action === "get") {
      const { Item } = await ddb.send(new GetItemCommand({ TableName: table, Key: value }));
      if (Item === undefined) throw new CliError("ITEM_NOT_FOUND", command.table, `no item with the key ${text.trim()}`);
      io.out(`${JSON.stringify(fromMap(Item), null, command.json ? 2 : undefined)}\n`);
    } else {
      const { Attributes } = await ddb.send(new DeleteItemCommand({ TableName: table, Key: value, ReturnValues: "ALL_OLD" }));
      if (command.json) io.out(`${JSON.stringify(Attributes === undefined ? {} : fromMap(Attributes), null, 2)}\n`);
    }
    return 0;
  } catch (error) {
    throw await describeFailure(target, error, command);
  } finally {
    target.context.destroy();
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError("INVALID_EVENT", what, `not JSON: ${(error as Error).message}`, { hint: `give the ${what} as JSON, e.g. '{"id":"o1"}'` });
  }
}

function toMap(value: unknown): Record<string, AttributeValue> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new CliError("INVALID_EVENT", "item", "must be a JSON object", { hint: `e.g. '{"id":"o1"}'` });
  return Object.fromEntries(Object.entries(value).map(([name, each]) => [name, toValue(each)]));
}

function toValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === "string") return { S: value };
  if (typeof value === "number") return { N: String(value) };
  if (typeof value === "boolean") return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toValue) };
  return { M: toMap(value) };
}

function fromMap(map: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([name, each]) => [name, fromValue(each)]));
}

function fromValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(fromValue);
  if (value.M !== undefined) return fromMap(value.M);
  if (value.SS !== undefined) return value.SS;
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.B !== undefined) return Buffer.from(value.B).toString("base64");
  return value.BS?.map((each) => Buffer.from(each).toString("base64"));
}

/** One CliError for anything the call failed with. */
async function describeFailure(target: DataTarget, error: unknown, command: DynamoDbCommand): Promise<unknown> {
  if (error instanceof DynamoDBServiceException && error.name === "ResourceNotFoundException") {
    return new CliError("TABLE_NOT_FOUND", command.table, "no such table", { hint: await missingTableHint(target, command.table), cause: error });
  }
  return describeCallFailure(error, target, command.table, "DYNAMODB_REQUEST_FAILED");
}

// The stack's tables by their program names; else, a program's table
// "orders" deployed as orders-<7 hex>: name what exists.
async function missingTableHint(target: DataTarget, table: string): Promise<string> {
  const otherwise = "deploy the program that declares it (`closure-pack up`), or check the name";
  const hint = unknownNameHint(target, TYPES.table, "tables", otherwise);
  if (hint !== otherwise) return hint;
  const listed = await target.context.clients.dynamodb.send(new ListTablesCommand({})).catch(() => ({ TableNames: [] as string[] }));
  const names = (listed.TableNames ?? []).filter((name) => name.startsWith(`${table}-`));
  return names.length > 0 ? `a program's table gets a generated name: ${names.join(", ")}` : otherwise;
}
