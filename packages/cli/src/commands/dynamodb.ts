// `closure-pack dynamodb put|get|delete`: an item in or out of a table for
// users without the aws CLI, through @aws-sdk/client-dynamodb, against the
// local cloud by default (--endpoint-url, AWS_ENDPOINT_URL_DYNAMODB or
// AWS_ENDPOINT_URL point it elsewhere). Items and keys are plain JSON
// (strings, numbers, booleans, null, lists, objects), converted to and from
// DynamoDB's attribute values here.
import { DeleteItemCommand, DynamoDBClient, DynamoDBServiceException, GetItemCommand, ListTablesCommand, PutItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import type { DynamoDbCommand } from "../dynamodb-args.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";

const LOCAL_CLOUD_ENDPOINT = "http://127.0.0.1:4566";

export async function runDynamoDb(command: DynamoDbCommand, io: Io): Promise<number> {
  const endpoint = command.endpointUrl ?? io.env.AWS_ENDPOINT_URL_DYNAMODB ?? io.env.AWS_ENDPOINT_URL ?? LOCAL_CLOUD_ENDPOINT;
  const ddb = clientFor(endpoint, io.env);
  try {
    const text = command.json === "-" ? await readStdin(io) : command.json;
    const value = toMap(parseJson(text, command.action === "put" ? "item" : "key"));
    if (command.action === "put") {
      await ddb.send(new PutItemCommand({ TableName: command.table, Item: value }));
      if (command.printJson) io.out("{}\n");
    } else if (command.action === "get") {
      const { Item } = await ddb.send(new GetItemCommand({ TableName: command.table, Key: value }));
      if (Item === undefined) throw new CliError("ITEM_NOT_FOUND", command.table, `no item with the key ${text.trim()}`);
      io.out(`${JSON.stringify(fromMap(Item), null, command.printJson ? 2 : undefined)}\n`);
    } else {
      const { Attributes } = await ddb.send(new DeleteItemCommand({ TableName: command.table, Key: value, ReturnValues: "ALL_OLD" }));
      if (command.printJson) io.out(`${JSON.stringify(Attributes === undefined ? {} : fromMap(Attributes), null, 2)}\n`);
    }
    return 0;
  } catch (error) {
    throw await describeFailure(ddb, error, endpoint, command);
  } finally {
    ddb.destroy();
  }
}

function clientFor(endpoint: string, env: NodeJS.ProcessEnv): DynamoDBClient {
  const configured = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(endpoint);
  return new DynamoDBClient({
    endpoint,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    ...(configured || !loopback ? {} : { credentials: { accessKeyId: "test", secretAccessKey: "test" } }),
  });
}

async function readStdin(io: Io): Promise<string> {
  if (io.readStdin === undefined) throw new CliError("INVALID_EVENT", "-", "there is no standard input to read from");
  return io.readStdin();
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError("INVALID_EVENT", what, `not JSON: ${(error as Error).message}`, { hint: `give the ${what} as JSON, e.g. '{"id":"o1"}'` });
  }
}

function toMap(value: unknown): Record<string, AttributeValue> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new CliError("INVALID_EVENT", "item", "must be a JSON object", { hint: `e.g. '{"id":"o1"}'` });
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
async function describeFailure(ddb: DynamoDBClient, error: unknown, endpoint: string, command: DynamoDbCommand): Promise<unknown> {
  if (error instanceof CliError) return error;
  if (error instanceof DynamoDBServiceException) {
    if (error.name === "ResourceNotFoundException") {
      const listed = await ddb.send(new ListTablesCommand({})).catch(() => ({ TableNames: [] as string[] }));
      const names = (listed.TableNames ?? []).filter((name) => name.startsWith(`${command.table}-`));
      const hint = names.length > 0 ? `a program's table gets a generated name: ${names.join(", ")}` : "deploy the program that declares it (`closure-pack up`), or check the name";
      return new CliError("TABLE_NOT_FOUND", command.table, "no such table", { hint, cause: error });
    }
    return new CliError("DYNAMODB_REQUEST_FAILED", command.table, `${error.name}: ${error.message}`, { cause: error });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ECONNRESET") {
    return new CliError("ENDPOINT_NOT_REACHABLE", endpoint, `cannot connect (${code})`, {
      hint: endpoint === LOCAL_CLOUD_ENDPOINT ? "start the local cloud with `closure-pack cloud start` (or `closure-pack up`), or pass --endpoint-url" : "check --endpoint-url or AWS_ENDPOINT_URL",
      cause: error,
    });
  }
  return error;
}
