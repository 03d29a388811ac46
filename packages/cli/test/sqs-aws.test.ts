// fixtures/aws/sqs with --target aws against moto_server (AWS_ENDPOINT_URL):
// up makes both queues (the redrive policy naming the dead-letter queue),
// the function, its role with the logs policy and the SQS policy holding
// exactly the three polling actions on this queue, and one mapping with the
// subscription's settings; no-change up; destroy leaves nothing. moto runs
// no functions, so delivery is tested on the local cloud (sqs-local.test.ts).
import { GetRolePolicyCommand, ListRolePoliciesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { ListEventSourceMappingsCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { GetQueueAttributesCommand, ListQueuesCommand } from "@aws-sdk/client-sqs";
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

async function inventory() {
  const queues = ((await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).map((url) => url.slice(url.lastIndexOf("/") + 1)).sort();
  const functions = ((await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName!);
  const roles = ((await sdk.clients.iam.send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName!);
  const mappings = (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [];
  return { queues, functions, roles, mappings };
}

describe.skipIf(!enabled)("sqs --target aws against moto", () => {
  test("up: queues, function, least-privilege role, one mapping; no-change up; destroy leaves nothing", async () => {
    const project = createProject("sqs", env);
    try {
      const up = await project.run(["up", "index.ts", "--target", "aws", "--yes"]);
      expect(up.code, up.stderr).toBe(0);
      const state = JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
      const record = (type: string, name: string) => state.resources.find((r) => r.type === type && r.name === name)!;
      const [jobs, dlq, fn, role] = [
        record("aws:sqs:Queue", "jobs"),
        record("aws:sqs:Queue", "deadLetters"),
        record("aws:lambda:Function", "worker"),
        record("aws:iam:Role", "worker"),
      ];
      const found = await inventory();
      expect([found.queues, found.functions, found.roles]).toEqual([[dlq.id, jobs.id].sort(), [fn.id], [role.id]]);
      expect(found.mappings.map((m) => [m.EventSourceArn, m.FunctionArn, m.BatchSize, m.FunctionResponseTypes])).toEqual([
        [jobs.outputs.arn, fn.outputs.arn, 10, ["ReportBatchItemFailures"]],
      ]);

      const { Attributes = {} } = await sdk.clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: jobs.outputs.url as string, AttributeNames: ["VisibilityTimeout", "RedrivePolicy"] }),
      );
      expect([Attributes.VisibilityTimeout, JSON.parse(Attributes.RedrivePolicy!)]).toEqual([
        "30",
        { deadLetterTargetArn: dlq.outputs.arn, maxReceiveCount: 2 },
      ]);
      const policyNames = (await sdk.clients.iam.send(new ListRolePoliciesCommand({ RoleName: role.id }))).PolicyNames ?? [];
      const policyName = (name: string) => record("aws:iam:RolePolicy", name).id.slice(`${role.id}:`.length);
      expect(policyNames.sort()).toEqual([policyName("worker"), policyName("worker-sqs")].sort());
      const document = (await sdk.clients.iam.send(new GetRolePolicyCommand({ RoleName: role.id, PolicyName: policyName("worker-sqs") }))).PolicyDocument!;
      expect(JSON.parse(decodeURIComponent(document))).toEqual({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: jobs.outputs.arn }],
      });

      expect((await project.run(["up", "index.ts", "--target", "aws", "--yes"])).stdout).toContain("no changes\n");
      const destroyed = await project.run(["destroy", "index.ts", "--target", "aws", "--yes"]);
      expect(destroyed.code, destroyed.stderr).toBe(0);
      const left = await inventory();
      expect(left).toEqual({ queues: [], functions: [], roles: [], mappings: [] });
    } finally {
      project.remove();
    }
  }, 300_000);
});
