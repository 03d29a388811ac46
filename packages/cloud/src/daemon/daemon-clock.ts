// `closure-pack cloud tick`: moves the clock of the daemon serving a data
// folder forward (schedules and retry delays fire as if the time had passed).
import { resolve } from "node:path";
import { CloudError } from "../errors.js";
import { daemonStatus } from "./daemon-status.js";

/** Advances the running daemon's clock by `ms`; resolves with its new time (ms since the epoch). */
export async function advanceDaemonClock(dataDir: string, ms: number): Promise<number> {
  const status = await daemonStatus(dataDir);
  if (status.state !== "running") {
    throw new CloudError("DAEMON_NOT_RUNNING", resolve(dataDir), "no local cloud is running on this data folder", {
      hint: "start it with `closure-pack cloud start`",
    });
  }
  const response = await fetch(`${status.endpoint}/_closure-pack/clock/advance?ms=${ms}`, { method: "POST" });
  const body = (await response.json()) as { now?: number; error?: string };
  if (!response.ok || body.now === undefined) throw new CloudError("INVALID_OPTION", "tick", body.error ?? `the daemon answered ${response.status}`);
  return body.now;
}
