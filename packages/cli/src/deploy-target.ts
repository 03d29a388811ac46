// Turns the target flags (and the target a stack remembers) into the
// engine's Target, and makes sure the local cloud answers before a command
// uses it: `up` starts the daemon (data under .closure-pack/cloud/ beside
// the program, or --data) when nothing runs on the port, and leaves it running.
import { join, resolve } from "node:path";
import { localTarget, type Target } from "@closure-pack/aws/engine";
import type { TargetFlags } from "./deploy-args.js";
import { CliError } from "./errors.js";

/** The target of a command: --target, else the stack's own, else the local cloud. */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv, remembered?: string): Target {
  const kind = flags.target ?? (remembered?.startsWith("aws:") ? "aws" : "local");
  if (kind === "local") return localTarget(flags.port);
  const region = flags.region ?? remembered?.slice(4) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
  // AWS_ENDPOINT_URL (an emulator such as moto) is passed on explicitly: S3 then needs path-style addressing.
  const endpoint = env.AWS_ENDPOINT_URL;
  return { kind: "aws", region, ...(endpoint ? { endpoint } : {}) };
}

interface Health {
  service?: string;
}

/** Whether the local cloud answers on the target's endpoint; throws when something else holds the port. */
async function isCloudUp(endpoint: string, port: number): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/_closure-pack/health`, { signal: AbortSignal.timeout(2000) });
  } catch {
    return false;
  }
  const body = (await response.json().catch(() => ({}))) as Health;
  if (response.ok && body.service === "closure-pack-cloud") return true;
  throw new CliError("PORT_IN_USE", `127.0.0.1:${port}`, "another program, not the closure-pack local cloud, answers on this port", {
    hint: "stop it, or use another port: --port <n> (the same on every command of this stack)",
  });
}

/** Starts the local cloud when `start` is set and it is not running; throws when it is still not there. */
export async function ensureLocalCloud(target: Target, flags: TargetFlags, projectDir: string, start: boolean, err: (text: string) => void): Promise<void> {
  if (target.kind !== "local" || (await isCloudUp(target.endpoint!, flags.port))) return;
  const cloud = (await import("@closure-pack/cloud")) as Record<string, unknown>;
  const startDaemon = cloud.startDaemon as ((options: { port: number; dataDir: string }) => Promise<unknown>) | undefined;
  if (!start || typeof startDaemon !== "function") {
    throw new CliError("CLOUD_NOT_RUNNING", `127.0.0.1:${flags.port}`, "the local cloud is not running", { hint: "start it: closure-pack cloud start, or run closure-pack up" });
  }
  const dataDir = flags.data === undefined ? join(projectDir, ".closure-pack", "cloud") : resolve(flags.data);
  err(`starting the local cloud on 127.0.0.1:${flags.port}\n`);
  await startDaemon({ port: flags.port, dataDir });
}
