// One `up` of the staged seed program against moto through the engine's
// API (as the CLI drives it), counting the AWS calls the provider makes.
// argv: <project dir> <endpoint>. Prints one BENCH_RESULT line.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { collectProgram, Deployment } from "@closure-pack/aws/engine";
import { RESULT_PREFIX } from "../lib/result-line.mjs";

const [projectDir, endpoint] = process.argv.slice(2);
const started = performance.now();
const calls = [];
const exports = await import(pathToFileURL(join(projectDir, "index.mjs")).href);
const deployment = await Deployment.open({
  projectDir,
  project: "seed",
  stack: "dev",
  target: { kind: "aws", region: "us-east-1", endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
  command: "bench",
  mutating: true,
  providerOptions: { observe: (service, command) => calls.push(`${service}:${command}`) },
});
try {
  const plan = await deployment.plan(collectProgram());
  await deployment.apply(plan, exports);
  const changes = plan.steps.filter((step) => step.step !== "same").map((step) => `${step.step} ${step.type} ${step.name}`);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ms: performance.now() - started, calls, changes })}\n`);
} finally {
  deployment.close();
}
