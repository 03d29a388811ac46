// fixtures/aws/sns-sqs with --target aws against moto_server
// (AWS_ENDPOINT_URL): up makes the topic, the queue, the queue's policy
// allowing this topic only and the subscription (protocol sqs); a message
// published to the topic lands in the queue (moto runs no functions, and
// delivers whatever the policy says: the handler and the policy's effect are
// tested on the local cloud, sns-sqs-local.test.ts); no-change up; destroy
// leaves nothing.
import { ListSubscriptionsCommand, ListTopicsCommand, PublishCommand } from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand, ListQueuesCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { createProviderContext, type ProviderContext, type StackState } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hasMoto, startMoto, type Moto } from "../../aws/test/support/moto.js";
import { createProject } from "./support/deploy.js";

const enabled = hasMoto();
let moto: Moto;
let sdk: ProviderContext;
let env: NodeJS.ProcessEnv;

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

describe.skipIf(!enabled)("sns -> sqs --target aws against moto", () => {
  test("up: topic, queue, the queue policy for this topic, the subscription; a publish lands in the queue; no-change up; destroy leaves nothing", async () => {
    const project = createProject("sns-sqs", env);
    try {
      // The mapping would take the message before the test reads it: this run has no handler.
      const source = project.read("index.ts");
      project.write("index.ts", source.slice(0, source.indexOf("jobs.onEvent(")) + source.slice(source.indexOf("export const topicArn")));
      const up = await project.run(["up", "index.ts", "--target", "aws", "--yes"]);
      expect([up.code, up.stderr]).toEqual([0, ""]);
      const state = JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
      const record = (type: string, name: string) => state.resources.find((r) => r.type === type && r.name === name)!;
      const [queue, topic, policy] = [record("aws:sqs:Queue", "jobs"), record("aws:sns:Topic", "orders"), record("aws:sqs:QueuePolicy", "jobs")];
      const url = queue.outputs.url as string;
      expect(policy.id).toBe(url);
      const { Attributes = {} } = await sdk.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["Policy"] }));
      expect(JSON.parse(Attributes.Policy!)).toEqual({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "ordersToJobs",
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: queue.outputs.arn,
            Condition: { ArnEquals: { "aws:SourceArn": topic.outputs.arn } },
          },
        ],
      });
      const subscriptions = (await sdk.clients.sns.send(new ListSubscriptionsCommand({}))).Subscriptions ?? [];
      expect(subscriptions.map((s) => [s.TopicArn, s.Protocol, s.Endpoint])).toEqual([[topic.outputs.arn, "sqs", queue.outputs.arn]]);

      await sdk.clients.sns.send(new PublishCommand({ TopicArn: topic.outputs.arn as string, Message: "order-1" }));
      const { Messages = [] } = await sdk.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
      expect(Messages.map((m) => (JSON.parse(m.Body!) as { Message: string }).Message)).toEqual(["order-1"]);

      expect((await project.run(["up", "index.ts", "--yes"])).stdout).toContain("no changes\n");
      const destroyed = await project.run(["destroy", "index.ts", "--yes"]);
      expect(destroyed.code, destroyed.stderr).toBe(0);
      const queues = (await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
      const topics = (await sdk.clients.sns.send(new ListTopicsCommand({}))).Topics ?? [];
      expect([queues, topics, (await sdk.clients.sns.send(new ListSubscriptionsCommand({}))).Subscriptions ?? []]).toEqual([[], [], []]);
    } finally {
      project.remove();
    }
  }, 300_000);
});
