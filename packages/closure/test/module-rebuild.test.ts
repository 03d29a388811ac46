// Module-level values that cannot be copied are rebuilt as Lambda makes
// them: the package runs the slice of the module that declares and
// configures the binding. Round trips run the copy; refusals compare whole
// messages; the module-level S3 client sends to the endpoint of the machine
// where the copy runs (moto_server), never to the deploy machine's.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, test } from "vitest";
import { runCopy, serializeIn, serializeInChild, textBlock, type CaseSource } from "./support/round-trip.js";
import { describePlain, roundTripTable, type RoundTripCase } from "./support/table.js";
import { createWorkspace } from "./support/workspace.js";

const net = `const net = require("net");\n`;

const rows: RoundTripCase[] = [
  {
    name: "module slice: a socket declared at module level is made again at load",
    source: `${net}const socket = new net.Socket();\nsocket.setNoDelay(true);\nexports.fn = () => [typeof socket.write, socket.destroyed];`,
    expected: ["function", false],
    captures: true,
    check: (result, expect) => {
      expect(result.captures!.find((each) => each.path.join(" -> ") === "handler -> socket")).toMatchObject({
        kind: "module-slice",
        how: "rebuilt",
        why: "holds a net.Socket (LIVE_HANDLE): rebuilt from its declaration, line 2 of its module",
      });
    },
  },
  {
    name: "module slice: configuring statements run after the declaration, in source order",
    source: `const http = require("http");\nconst server = http.createServer();\nserver.on("request", () => {});\nserver.maxHeadersCount = 7;\nserver.setTimeout(1234);\nexports.handler = () => 1;\nexports.fn = () => [server.listenerCount("request"), server.maxHeadersCount, server.timeout, server.listening];`,
    expected: [1, 7, 1234, false],
  },
  {
    name: "module slice: a name V8 did not keep is declared again, a kept one is captured",
    source: `const https = require("https");\nconst options = { keepAlive: true };\nconst config = { sockets: 3 };\nconst agent = new https.Agent({ ...options, maxSockets: config.sockets });\nexports.fn = () => [agent.keepAlive, agent.maxSockets, config.sockets];`,
    expected: [true, 3, 3],
    check: (result, expect) => expect(result.text).toMatch(/const options = \{ keepAlive: true \};/),
  },
  {
    name: "module slice: one value reached through two bindings is rebuilt once",
    source: `${net}const socket = new net.Socket();\nconst pool = { socket };\nexports.fn = () => [pool.socket === socket, typeof socket.write];`,
    expected: [true, "function"],
  },
  {
    name: "module slice: a value deep inside a module-level object rebuilds the object",
    source: `${net}const client = { name: "c", conn: { socket: new net.Socket() } };\nexports.fn = () => [client.name, typeof client.conn.socket.write];`,
    expected: ["c", "function"],
  },
  {
    name: "module slice: an ES module's binding, its imports captured",
    sourceFormat: "esm",
    source: `import { Socket } from "node:net";\nconst socket = new Socket();\nexport const fn = () => socket instanceof Socket;`,
    options: { format: "esm" },
    expected: true,
  },
];

describe.concurrent("module slices", () => roundTripTable(rows));

const WAY_OUT = "create it inside the handler or with callbackFactory in the SDK, or pack with --mode bundle in the CLI (the module then runs as it is)";
const SOCKET = "handler -> socket: cannot serialize a net.Socket";
const notRebuilt = (name: string, why: string): string => `\nhint: \`${name}\` cannot be rebuilt from its module: ${why}; ${WAY_OUT}`;

interface RefusalRow extends CaseSource {
  name: string;
  code?: string;
  message: string;
}

const refusals: RefusalRow[] = [
  {
    name: "module slice: a captured function assigns the binding",
    source: `${net}let socket = new net.Socket();\nexports.fn = () => { const s = socket; socket = null; return s; };`,
    message: SOCKET + notRebuilt("socket", "a captured function assigns it"),
  },
  {
    name: "module slice: the declaration loads a file of the project",
    source: `${net}const util = require("./fixtures/local-util.cjs");\nconst socket = util.tag ? new net.Socket() : null;\nexports.fn = () => socket;`,
    message: SOCKET + notRebuilt("socket", 'it loads a file of the project ("./fixtures/local-util.cjs", line 2)'),
  },
  {
    name: "module slice: the declaration awaits at the top level",
    sourceFormat: "esm",
    source: `import net from "node:net";\nconst socket = await Promise.resolve(new net.Socket());\nexport const fn = () => socket;`,
    message: SOCKET + notRebuilt("socket", "its declaration awaits at the top level (line 2)"),
  },
  {
    name: "module slice: the declaration reads module",
    source: `${net}const socket = module.id ? new net.Socket() : null;\nexports.fn = () => socket;`,
    message: SOCKET + notRebuilt("socket", "its declaration reads `module`, which the package's module does not share"),
  },
  {
    name: "module slice: an SDK client constructed with literal credentials",
    source: `const { S3Client } = require("@aws-sdk/client-s3");\nconst s3 = new S3Client({ region: "us-east-1", credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "literal-secret" } });\nexports.fn = () => s3;`,
    code: "PENDING_PROMISE",
    message:
      "handler -> s3.config.requestHandler.configProvider: cannot serialize a pending Promise" +
      notRebuilt("s3", "its declaration holds a literal secretAccessKey (line 2): leave credentials out, the function's role provides them"),
  },
  {
    name: "module slice: a value made inside a function has no declaration to run again",
    source: `${net}exports.fn = (() => {\n  const socket = new net.Socket();\n  return () => socket;\n})();`,
    message: `${SOCKET}\nhint: create the client inside the handler, or capture a factory; or use callbackFactory in the SDK, or pack with --mode bundle in the CLI`,
  },
  {
    name: "module slice: rebuildModuleBindings false refuses as before",
    source: `${net}const socket = new net.Socket();\nexports.fn = () => socket;`,
    options: { rebuildModuleBindings: false },
    message: `${SOCKET}\nhint: create the client inside the handler, or capture a factory`,
  },
];

describe.concurrent("module slice refusals", () => {
  for (const row of refusals) {
    test(row.name, async ({ expect }) => {
      const outcome = await serializeInChild(row);
      if (outcome.ok) return expect.unreachable(`serialized instead of refusing\n${textBlock(outcome.text)}`);
      expect(outcome.error.code).toBe(row.code ?? "LIVE_HANDLE");
      expect(outcome.error.message).toBe(row.message);
    });
  }
});

describe("module slice: the module-level S3 client", () => {
  let moto: ChildProcess | undefined;
  let endpoint = "";

  beforeAll(async () => {
    const port = await freePort();
    moto = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    endpoint = `http://127.0.0.1:${port}`;
    await waitFor(`${endpoint}/moto-api/`);
  }, 60_000);

  afterAll(() => {
    moto?.kill("SIGTERM");
  });

  test("module slice: send reaches the endpoint configured where the copy runs, and no credential travels", async ({ expect }) => {
    const source = `const { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand } = require("@aws-sdk/client-s3");
const s3 = new S3Client({ forcePathStyle: true });
exports.fn = async (key) => {
  await s3.send(new CreateBucketCommand({ Bucket: "docs" })).catch(() => {});
  await s3.send(new PutObjectCommand({ Bucket: "docs", Key: key, Body: "hello " + key }));
  const got = await s3.send(new GetObjectCommand({ Bucket: "docs", Key: key }));
  return got.Body.transformToString();
};`;
    const workspace = createWorkspace(source, "cjs");
    try {
      // Packed where the endpoint is dead and the credentials are the deploy machine's.
      const deploy = {
        AWS_ENDPOINT_URL: "http://127.0.0.1:9",
        AWS_REGION: "eu-west-3",
        AWS_ACCESS_KEY_ID: "DEPLOYKEYID",
        AWS_SECRET_ACCESS_KEY: "deploy-secret",
      };
      const testCase = { source, probe: "(f) => typeof f" };
      const serialized = await serializeIn(workspace, testCase, { env: deploy });
      if (!serialized.ok) return expect.unreachable(serialized.error.message);
      expect(serialized.text).not.toMatch(/DEPLOYKEYID|deploy-secret|eu-west-3|127\.0\.0\.1/);
      const run = { AWS_ENDPOINT_URL: endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
      const copy = await runCopy(workspace, serialized, { source, probe: `(f) => f("a.txt")` }, run);
      expect(copy.result, textBlock(serialized.text)).toEqual({ type: "string", value: "hello a.txt" });
    } finally {
      workspace.dispose();
    }
  });
  test("module slice: DynamoDBDocumentClient.from(client, translateConfig) keeps its client and its translation", async ({ expect }) => {
    const source = `const { DynamoDBClient, CreateTableCommand } = require("@aws-sdk/client-dynamodb");
const { DynamoDBDocumentClient, PutCommand, GetCommand } = require("@aws-sdk/lib-dynamodb");
const client = new DynamoDBClient({});
const ddb = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
const table = { TableName: "items", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], BillingMode: "PAY_PER_REQUEST" };
exports.fn = async (id) => {
  await client.send(new CreateTableCommand(table)).catch(() => {});
  await ddb.send(new PutCommand({ TableName: "items", Item: { id, n: 1, gone: undefined } }));
  const got = await ddb.send(new GetCommand({ TableName: "items", Key: { id } }));
  return got.Item;
};`;
    const workspace = createWorkspace(source, "cjs");
    try {
      const serialized = await serializeIn(workspace, { source, probe: "(f) => typeof f", captures: true }, { env: { AWS_REGION: "eu-west-3" } });
      if (!serialized.ok) return expect.unreachable(serialized.error.message);
      const rebuilt = serialized.captures!.filter((each) => each.how === "rebuilt").map((each) => each.path.join(" -> "));
      expect(rebuilt).toEqual(["handler -> client", "handler -> ddb"]);
      const run = { AWS_ENDPOINT_URL: endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
      const copy = await runCopy(workspace, serialized, { source, probe: `(f) => f("a")` }, run);
      expect(copy.result, textBlock(serialized.text)).toEqual(await describePlain({ id: "a", n: 1 }));
    } finally {
      workspace.dispose();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`moto_server did not answer at ${url}`);
}
