// DynamoDB for tests: clients pointed at a daemon as users configure them for
// the local cloud (no retries: a test sees the daemon's first answer), the
// DocumentClient of @aws-sdk/lib-dynamodb over it, and a few shorthands.
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const config = (endpoint: string) => ({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });

export function dynamoClients(endpoint: string): { ddb: DynamoDBClient; doc: DynamoDBDocumentClient; streams: DynamoDBStreamsClient; destroy(): void } {
  const ddb = new DynamoDBClient(config(endpoint));
  const streams = new DynamoDBStreamsClient(config(endpoint));
  return { ddb, doc: DynamoDBDocumentClient.from(ddb), streams, destroy: () => (ddb.destroy(), streams.destroy()) };
}

/** CreateTable, on demand, with a string partition key `pk` and, when `sortType` is given, a sort key `sk`. */
export async function createTable(ddb: DynamoDBClient, name: string, sortType?: "S" | "N" | "B", extra: Partial<CreateTableCommandInput> = {}): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        ...(sortType === undefined ? [] : [{ AttributeName: "sk", AttributeType: sortType }]),
      ],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, ...(sortType === undefined ? [] : [{ AttributeName: "sk", KeyType: "RANGE" as const }])],
      BillingMode: "PAY_PER_REQUEST",
      ...extra,
    }),
  );
}

/** The error's name and message, or "ok". */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const e = error as { name: string; message: string };
    return `${e.name}: ${e.message}`;
  }
}
