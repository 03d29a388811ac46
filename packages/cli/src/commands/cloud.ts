// `closure-pack cloud start|stop|status|tick`: the local cloud's daemon for
// a data folder (default .closure-pack/cloud): start it in the background
// (or find it running), stop it, say whether it runs, advance its clock.
import { advanceDaemonClock, daemonStatus, startDaemon, stopDaemon, type DaemonStatus } from "@closure-pack/cloud";
import { resolve } from "node:path";
import type { CloudCommand } from "../cloud-args.js";
import type { Io } from "../io.js";
import { displayPath } from "../paths.js";

export async function runCloud(command: CloudCommand, io: Io): Promise<number> {
  const dataDir = resolve(io.cwd, command.data);
  const data = displayPath(io.cwd, command.data);
  const say = (text: string, json: unknown): void => io.out(command.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
  switch (command.action) {
    case "start": {
      const daemon = await startDaemon({
        dataDir,
        ...(command.port === undefined ? {} : { port: command.port }),
        ...(command.durability === undefined ? {} : { durability: command.durability }),
      });
      const what = daemon.alreadyRunning ? "already running" : "running";
      say(`local cloud ${what} at ${daemon.endpoint} (pid ${daemon.pid}, data ${data})`, {
        state: "running",
        endpoint: daemon.endpoint,
        port: daemon.port,
        pid: daemon.pid,
        alreadyRunning: daemon.alreadyRunning,
      });
      return 0;
    }
    case "stop": {
      const stopped = await stopDaemon(dataDir);
      if (!stopped.wasRunning) say(`no local cloud is running (data ${data})`, { stopped: false });
      else
        say(
          `${stopped.forced ? "killed" : "stopped"} the local cloud (pid ${stopped.pid})${stopped.forced ? ": it did not stop within 10 s of SIGTERM" : ""}`,
          { stopped: true, pid: stopped.pid, forced: stopped.forced },
        );
      return 0;
    }
    case "status": {
      const status = await daemonStatus(dataDir);
      say(describe(status, data), { ...status, dataDir: data });
      return 0;
    }
    case "tick": {
      const now = await advanceDaemonClock(dataDir, command.ms);
      say(`advanced the local cloud's clock by ${command.duration}: it is now ${new Date(now).toISOString()}`, { now: new Date(now).toISOString() });
      return 0;
    }
  }
}

function describe(status: DaemonStatus, data: string): string {
  switch (status.state) {
    case "running":
      return `running at ${status.endpoint} (pid ${status.pid}, data ${data})`;
    case "stopped":
      return `stopped (data ${data})`;
    case "stale":
      return `stopped: pid ${status.pid} ended without cleaning up, e.g. killed (data ${data}); the next start takes over`;
    case "unresponsive":
      return `not answering: pid ${status.pid} runs but ${status.endpoint} does not answer as this folder's local cloud (data ${data})`;
  }
}
