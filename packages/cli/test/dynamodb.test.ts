// `closure-pack dynamodb put|get|delete` as a child process against a real
// local cloud (started here on a free port): an item in plain JSON put, read
// back (through the CLI and the SDK) and deleted; a program's table named
// by its logical name gets the deployed names as a hint (exit 1); bad
// command lines (exit 2).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { startCloud, type Cloud } from "@closure-pack/cloud";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, type CliRun } from "./support/cli.js";

let cloud: Cloud;
let ddb: DynamoDBClient;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "closure-pack-dynamodb-"));
  cloud = await startCloud({ dataDir: join(dir, "cloud"), port: 0 });
  ddb = new DynamoDBClient({ endpoint: cloud.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  await ddb.send(
    new CreateTableCommand({
      TableName: "orders-4f64efc",
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
});

afterAll(async () => {
  ddb.destroy();
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

function dynamoCli(args: string[], stdin = ""): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, NO_COLOR: "1" };
    const child = execFile(
      process.execPath,
      [BIN, "dynamodb", ...args, "--endpoint-url", cloud.endpoint],
      { cwd: dir, env, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (typeof code !== "number") reject(error ?? new Error("no exit code"));
        else resolve({ code, stdout, stderr });
      },
    );
    child.stdin!.end(stdin);
  });
}

describe("closure-pack dynamodb", () => {
  it("put, get and delete: plain JSON in and out; the item as DynamoDB stores it", async () => {
    const item = { id: "o1", status: "new", total: 12.5, paid: false, note: null, lines: [{ sku: "a", qty: 2 }] };
    expect(await dynamoCli(["put", "orders-4f64efc", JSON.stringify(item)])).toEqual({ code: 0, stdout: "", stderr: "" });
    const { Item } = await ddb.send(new GetItemCommand({ TableName: "orders-4f64efc", Key: { id: { S: "o1" } } }));
    expect(Item).toEqual({
      id: { S: "o1" },
      status: { S: "new" },
      total: { N: "12.5" },
      paid: { BOOL: false },
      note: { NULL: true },
      lines: { L: [{ M: { sku: { S: "a" }, qty: { N: "2" } } }] },
    });
    const got = await dynamoCli(["get", "orders-4f64efc", "-"], '{"id":"o1"}');
    expect([got.code, JSON.parse(got.stdout)]).toEqual([0, item]);
    const deleted = await dynamoCli(["delete", "orders-4f64efc", '{"id":"o1"}', "--json"]);
    expect([deleted.code, JSON.parse(deleted.stdout)]).toEqual([0, item]);
    const gone = await dynamoCli(["get", "orders-4f64efc", '{"id":"o1"}']);
    expect([gone.code, gone.stderr]).toEqual([1, 'orders-4f64efc: no item with the key {"id":"o1"}\n']);
  });

  const failures: Array<[string, string[], number, string]> = [
    ["a program's logical name", ["put", "orders", '{"id":"x"}'], 1, "orders: no such table\nhint: a program's table gets a generated name: orders-4f64efc\n"],
    [
      "a key that is not the schema",
      ["get", "orders-4f64efc", '{"nope":"x"}'],
      1,
      "orders-4f64efc: ValidationException: The provided key element does not match the schema\n",
    ],
    [
      "not JSON",
      ["put", "orders-4f64efc", "{id"],
      1,
      `item: not JSON: ${(() => {
        try {
          JSON.parse("{id");
        } catch (e) {
          return (e as Error).message;
        }
        return "";
      })()}\nhint: give the item as JSON, e.g. '{"id":"o1"}'\n`,
    ],
  ];
  it.each(failures)("refused: %s", async (_name, args, code, stderr) => {
    const run = await dynamoCli(args);
    expect([run.code, run.stderr]).toEqual([code, stderr]);
  });

  it("usage: an unknown action and a missing argument exit 2 with the usage", async () => {
    const unknown = await dynamoCli(["scan", "orders-4f64efc"]);
    expect([unknown.code, unknown.stderr.split("\n")[0]]).toEqual([2, 'closure-pack: "dynamodb" takes put, get or delete, got "scan"']);
    const missing = await dynamoCli(["get", "orders-4f64efc"]);
    expect([missing.code, missing.stderr.split("\n")[0]]).toEqual([
      2,
      'closure-pack: "dynamodb get" takes a table and a key as JSON (or - for stdin), got 1 argument(s)',
    ]);
  });
});
