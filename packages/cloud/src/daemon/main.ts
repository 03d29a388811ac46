// The daemon process's entry (dist/daemon/main.mjs): starts the cloud from
// its command-line flags, records itself in <data>/daemon.json, writes one
// JSON line `{"endpoint":…,"pid":…}` to stdout once it listens, and stops
// cleanly on SIGTERM or SIGINT (removing daemon.json). A start that fails
// writes `{"error":{code,message}}` and exits 1, so the parent can report it.
import { ClosurePackError } from "@closure-pack/errors";
import { startCloud, type Cloud } from "../cloud.js";
import { parseDaemonArgs } from "./daemon-args.js";
import { removeDaemonFile, writeDaemonFile } from "./daemon-file.js";

async function main(): Promise<void> {
  let cloud: Cloud;
  try {
    cloud = await startCloud(parseDaemonArgs(process.argv.slice(2)));
  } catch (error) {
    const known = error instanceof ClosurePackError;
    const reported = known ? { code: error.code, message: error.message } : { code: "BUG", message: (error as Error)?.stack ?? String(error) };
    process.stdout.write(`${JSON.stringify({ error: reported })}\n`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void cloud.close().then(() => {
      removeDaemonFile(cloud.dataDir, process.pid);
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const info = { endpoint: cloud.endpoint, port: cloud.port, pid: process.pid, dataDir: cloud.dataDir };
  writeDaemonFile(info);
  process.stdout.write(`${JSON.stringify(info)}\n`);
}

void main();
