// The --json records of up, stack output and destroy have the same shape on
// both targets: each fixture deployed to the real local cloud daemon and to
// moto_server (--target aws), the records compared whole once the values a
// target decides (physical ids, URLs, ARNs, the target's label) are
// replaced by their type.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { removeDataDir, startDaemon, type DaemonProcess } from "../../cloud/test/helpers/daemon.js";
import { hasMoto, startMoto, type Moto } from "../../aws/test/support/moto.js";
import { createProject, type Project } from "./support/deploy.js";

const enabled = hasMoto();
let moto: Moto;
let daemon: DaemonProcess;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  daemon = await startDaemon();
});
afterAll(async () => {
  await moto?.stop();
  await daemon?.stop();
  if (daemon) removeDataDir(daemon.dataDir);
});

interface TargetRun {
  env: NodeJS.ProcessEnv;
  flags: string[];
}

const targets = (): Record<"local" | "aws", TargetRun> => ({
  local: { env: {}, flags: ["--port", String(daemon.port)] },
  aws: {
    env: { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" },
    flags: ["--target", "aws"],
  },
});

/** A record with every value a target decides replaced by its type; everything else kept as it is. */
function normalise(record: unknown): unknown {
  const typeOf = (value: unknown) => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);
  const r = record as { target?: unknown; steps?: Array<{ id: unknown }>; outputs?: Record<string, unknown> };
  return {
    ...r,
    ...(r.target === undefined ? {} : { target: typeOf(r.target) }),
    ...(r.steps === undefined ? {} : { steps: r.steps.map((step) => ({ ...step, id: typeOf(step.id) })) }),
    ...(r.outputs === undefined ? {} : { outputs: Object.fromEntries(Object.entries(r.outputs).map(([key, value]) => [key, typeOf(value)])) }),
  };
}

/** up, stack output and destroy with --json on one target: the three records, parsed. */
async function records(fixture: string, target: TargetRun): Promise<unknown[]> {
  const project: Project = createProject(fixture, target.env);
  try {
    const json = async (args: string[]) => {
      const run = await project.run([...args, "--json"]);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as unknown;
    };
    const up = await json(["up", "index.ts", "--yes", ...target.flags]);
    const outputs = await json(["stack", "output"]);
    const destroy = await json(["destroy", "index.ts", "--yes", ...target.flags]);
    return [up, outputs, destroy];
  } finally {
    project.remove();
  }
}

describe.skipIf(!enabled)("--json on both targets", () => {
  for (const fixture of ["seed", "api"]) {
    test(`json: ${fixture}: up, stack output and destroy records have the same shape on the local cloud and on AWS`, async () => {
      const local = await records(fixture, targets().local);
      const aws = await records(fixture, targets().aws);
      expect((local[0] as { target: string }).target).toBe("local");
      expect((aws[0] as { target: string }).target).toBe("aws:us-east-1");
      // stack output prints the outputs object itself: its values are the target's.
      expect(normalise({ outputs: local[1] })).toEqual(normalise({ outputs: aws[1] }));
      expect(Object.keys(local[1] as object).length).toBeGreaterThan(0);
      expect(normalise(local[0])).toEqual(normalise(aws[0]));
      expect(normalise(local[2])).toEqual(normalise(aws[2]));
      expect((local[0] as { outputs: unknown }).outputs).toEqual(local[1]);
      expect((aws[0] as { outputs: unknown }).outputs).toEqual(aws[1]);
    }, 300_000);
  }
});
