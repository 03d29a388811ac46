// kill -9 of `up` right after CreateEventSourceMapping, before the journal
// records its result, on moto (--target aws) and on the local cloud, with
// fixtures/aws/sqs: the next `up` finds the mapping by its function, its
// queue and the stack's tags (set by the create), adopts it and makes no
// second one; `destroy` leaves none.
import { ListEventSourceMappingsCommand, ListTagsCommand } from "@aws-sdk/client-lambda";
import { createProviderContext, localTarget, type ProviderContext, type StackState, type Target } from "@closure-pack/aws/engine";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { hasMoto, startMoto, type Moto } from "../../aws/test/support/moto.js";
import { createProject, killHard } from "./support/deploy.js";

interface Side {
  target: Target;
  env: NodeJS.ProcessEnv;
  /** The target's arguments to up and destroy. */
  args: string[];
  stop(): Promise<void>;
}

async function motoSide(): Promise<Side> {
  const moto: Moto = await startMoto();
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  return {
    target: { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials },
    env: { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" },
    args: ["--target", "aws"],
    stop: () => moto.stop(),
  };
}

async function cloudSide(): Promise<Side> {
  const daemon: DaemonProcess = await startDaemon();
  return {
    target: localTarget(daemon.port),
    env: {},
    args: ["--port", String(daemon.port)],
    async stop() {
      await daemon.stop();
      removeDataDir(daemon.dataDir);
    },
  };
}

const SIDES: Array<[string, () => Promise<Side>, boolean]> = [
  ["moto", motoSide, hasMoto()],
  ["local cloud", cloudSide, true],
];

// The sqs fixture's up makes 7 resources, each call between two kill points;
// the mapping depends on all the others, so its call is the last: point 14
// is after CreateEventSourceMapping, before its result is journaled.
const AFTER_MAPPING_CREATE = 14;

describe.each(SIDES)("event source mapping cut short on %s", (_label, start, enabled) => {
  let side: Side;
  let sdk: ProviderContext;

  beforeAll(async () => {
    if (!enabled) return;
    side = await start();
    sdk = createProviderContext(side.target, { stack: "t", project: "t" });
  });
  afterAll(async () => {
    sdk?.destroy();
    await side?.stop();
  });

  const mappings = async () => (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [];

  test.skipIf(!enabled)(
    "kill -9 after CreateEventSourceMapping: the next up adopts the mapping by its tags, none is duplicated; destroy leaves none",
    async () => {
      const project = createProject("sqs", side.env);
      try {
        const up = ["up", "index.ts", "--yes", ...side.args];
        const state = () => JSON.parse(project.read(".closure-pack/stacks/dev.json")) as StackState;
        await killHard(
          await project.startUntil(up, `test kill point ${AFTER_MAPPING_CREATE} reached`, { CLOSURE_PACK_TEST_KILL_POINT: String(AFTER_MAPPING_CREATE) }),
        );
        expect(state().pending.map((operation) => `${operation.op} ${operation.type}`)).toEqual(["create aws:lambda:EventSourceMapping"]);
        const made = await mappings();
        expect(made).toHaveLength(1);
        const tags = (await sdk.clients.lambda.send(new ListTagsCommand({ Resource: made[0]!.EventSourceMappingArn! }))).Tags ?? {};
        expect([tags["closure-pack:stack"], tags["closure-pack:name"]]).toEqual(["dev", "worker"]);

        const rerun = await project.run(up);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect((await mappings()).map((m) => m.UUID)).toEqual([made[0]!.UUID]);
        const recorded = state().resources.filter((r) => r.type === "aws:lambda:EventSourceMapping");
        expect([state().pending, recorded.map((r) => r.outputs.uuid)]).toEqual([[], [made[0]!.UUID]]);
        expect((await project.run(up)).stdout).toContain("no changes\n");
        const destroyed = await project.run(["destroy", "index.ts", "--yes", ...side.args]);
        expect(destroyed.code, destroyed.stderr).toBe(0);
        expect(await mappings()).toEqual([]);
      } finally {
        project.remove();
      }
    },
    300_000,
  );
});
