// The data commands on a stack deployed with --target aws, against
// moto_server (AWS_ENDPOINT_URL): `sqs send` and `sns publish` take the
// program's names for the queue and the topic, resolved through the stack's
// state; the message published reaches a queue subscribed to the topic.
import { SubscribeCommand } from "@aws-sdk/client-sns";
import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { createProviderContext, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hasMoto, startMoto, type Moto } from "../../aws/test/support/moto.js";
import { createProject } from "./support/deploy.js";

const enabled = hasMoto();
let moto: Moto;
let sdk: ProviderContext;
let env: NodeJS.ProcessEnv;

const PROGRAM = `import * as aws from "@closure-pack/aws";
new aws.sqs.Queue("inbox");
new aws.sns.Topic("orders");
`;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  env = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" };
  sdk = createProviderContext(
    { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { stack: "t", project: "t" },
  );
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});

describe.skipIf(!enabled)("data commands on a stack deployed to AWS (moto)", () => {
  test("sqs send and sns publish by the program's names; the published message reaches the subscribed queue", async () => {
    const project = createProject("data", env);
    try {
      project.write("index.ts", PROGRAM);
      const up = await project.run(["up", "index.ts", "--target", "aws", "--yes"]);
      expect(up.code, up.stderr).toBe(0);
      const state = JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
      const outputs = (type: string, name: string) => state.resources.find((r) => r.type === type && r.name === name)!.outputs as Record<string, string>;
      const inbox = outputs("aws:sqs:Queue", "inbox");
      const orders = outputs("aws:sns:Topic", "orders");
      await sdk.clients.sns.send(
        new SubscribeCommand({ TopicArn: orders.arn, Protocol: "sqs", Endpoint: inbox.arn, Attributes: { RawMessageDelivery: "true" } }),
      );

      const sent = await project.run(["sqs", "send", "inbox", "direct"]);
      const published = await project.run(["sns", "publish", "orders", "via the topic"]);
      expect([sent.code, sent.stderr, published.code, published.stderr]).toEqual([0, "", 0, ""]);
      const { Messages = [] } = await sdk.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: inbox.url, MaxNumberOfMessages: 10 }));
      expect(Messages.map((m) => m.Body).sort()).toEqual(["direct", "via the topic"]);

      const missing = await project.run(["sns", "publish", "invoices", "x"]);
      expect(missing).toEqual({ code: 1, stdout: "", stderr: 'invoices: no such topic\nhint: the stack "dev" has the topics orders\n' });
      expect((await project.run(["destroy", "index.ts", "--yes"])).code).toBe(0);
    } finally {
      project.remove();
    }
  }, 300_000);
});
