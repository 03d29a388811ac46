// Turns the target flags (and the target a stack remembers) into the
// engine's Target. For the local cloud it finds the daemon: the one serving
// the data folder (.closure-pack/cloud/ beside the program, or --data), else
// whatever local cloud answers on --port (default 4566); `up` starts one
// when none runs, and leaves it running so events keep firing. For AWS:
// the region (--region, the stack's, AWS_REGION, AWS_DEFAULT_REGION, the
// profile's in the shared config file, us-east-1), AWS_ENDPOINT_URL and
// AWS_MAX_ATTEMPTS.
import { join, resolve } from "node:path";
import { configuredRegion, DEFAULT_MAX_ATTEMPTS, localTarget, type Target } from "@closure-pack/aws/engine";
import { daemonStatus, DEFAULT_PORT, startDaemon } from "@closure-pack/cloud";
import type { TargetFlags } from "./deploy-args.js";
import { CliError } from "./errors.js";
import { displayPath } from "./paths.js";

/** The target of a command: --target, else the stack's own, else the local cloud. */
export async function resolveTarget(
  flags: TargetFlags,
  env: NodeJS.ProcessEnv,
  projectDir: string,
  start: boolean,
  err: (text: string) => void,
  remembered?: string,
): Promise<Target> {
  const kind = flags.target ?? (remembered?.startsWith("aws:") ? "aws" : "local");
  if (kind === "local") return localCloud(flags, projectDir, start, err);
  const region = flags.region ?? remembered?.slice(4) ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || (await configuredRegion(flags.profile)) || "us-east-1");
  // AWS_ENDPOINT_URL (an emulator such as moto) is passed on explicitly: S3 then needs path-style addressing.
  const endpoint = env.AWS_ENDPOINT_URL;
  const maxAttempts = attemptsFrom(env.AWS_MAX_ATTEMPTS);
  return {
    kind: "aws",
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  };
}

/** AWS_MAX_ATTEMPTS, the SDK's own variable: attempts per call for errors AWS says to retry. */
function attemptsFrom(text: string | undefined): number | undefined {
  if (text === undefined || text === "") return undefined;
  const attempts = Number(text);
  if (Number.isInteger(attempts) && attempts >= 1 && attempts <= 100) return attempts;
  throw new CliError("INVALID_ENVIRONMENT", "AWS_MAX_ATTEMPTS", `must be a whole number from 1 to 100, got ${JSON.stringify(text)}`, {
    hint: `unset it for closure-pack's default of ${DEFAULT_MAX_ATTEMPTS} attempts per call`,
  });
}

async function localCloud(flags: TargetFlags, projectDir: string, start: boolean, err: (text: string) => void): Promise<Target> {
  const dataDir = flags.data === undefined ? join(projectDir, ".closure-pack", "cloud") : resolve(flags.data);
  if (flags.port === undefined) {
    const status = await daemonStatus(dataDir);
    if (status.state === "running") return localTarget(status.port);
  }
  const port = flags.port ?? DEFAULT_PORT;
  if (await isCloudUp(port)) return localTarget(port);
  if (!start) {
    throw new CliError("CLOUD_NOT_RUNNING", `127.0.0.1:${port}`, "the local cloud is not running", {
      hint: "start it: closure-pack cloud start, or run closure-pack up",
    });
  }
  err(`starting the local cloud on 127.0.0.1:${port} (data in ${displayPath(process.cwd(), dataDir)}); it keeps running: closure-pack cloud stop ends it\n`);
  const started = await startDaemon({ dataDir, port });
  return localTarget(started.port);
}

/** Whether the local cloud answers on the port; throws when something else holds it. */
async function isCloudUp(port: number): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/_closure-pack/health`, { signal: AbortSignal.timeout(2000) });
  } catch {
    return false;
  }
  const body = (await response.json().catch(() => ({}))) as { service?: string };
  if (response.ok && body.service === "closure-pack-cloud") return true;
  throw new CliError("PORT_IN_USE", `127.0.0.1:${port}`, "another program, not the closure-pack local cloud, answers on this port", {
    hint: "stop it, or use another port: --port <n> (the same on every command of this stack)",
  });
}
