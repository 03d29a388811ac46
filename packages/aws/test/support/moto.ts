// moto_server for the provider tests: started once per test file on a free
// loopback port, configured not to run functions in Docker, reset between
// cases. Where it is not installed the tests skip with one line, unless
// CLOSURE_PACK_REQUIRE_MOTO=1 (CI) makes its absence a failure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface Moto {
  endpoint: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export function hasMoto(): boolean {
  const found = spawnSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" }).status === 0;
  if (!found && process.env.CLOSURE_PACK_REQUIRE_MOTO === "1") throw new Error("moto_server is not installed and CLOSURE_PACK_REQUIRE_MOTO=1");
  if (!found) console.log("moto_server not found: skipping the tests against it");
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  for (let attempt = 0; ; attempt++) {
    try {
      await configure(endpoint);
      break;
    } catch (error) {
      if (attempt > 200 || child.exitCode !== null) throw new Error(`moto_server did not start: ${String(error)}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  return {
    endpoint,
    reset: async () => {
      await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
      await configure(endpoint);
    },
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function configure(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/config`, { method: "POST", body: JSON.stringify({ lambda: { use_docker: false } }) });
  if (!response.ok) throw new Error(`moto config: ${response.status}`);
}
