// The main job end to end, on the embedded local cloud: the seed program
// (fixtures/aws/seed/index.ts, a bucket whose uploads run an inline handler)
// deployed with `closure-pack up`, a file uploaded, the handler's log line
// read back with `closure-pack logs`; then one edit of the handler is one
// update and the next upload prints the new line; then everything is
// destroyed and the daemon stopped. Each command is printed before it runs,
// as a user would type it. `npm run demo`; exit 1 when a step fails.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "packages", "cli", "bin", "closure-pack.cjs");
// Inside the repository, so the program resolves @closure-pack/aws from its node_modules.
const dir = join(root, ".tmp", "demo");
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NO_COLOR: "1" };

/** Runs `closure-pack ...args` in the demo folder, echoing it; returns stdout. */
function closurePack(args, { quiet = false } = {}) {
  if (!quiet) console.log(`\n$ closure-pack ${args.join(" ")}`);
  const out = execFileSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (!quiet) process.stdout.write(out);
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `closure-pack logs` until a line containing `text` shows up (the event is asynchronous). */
async function waitForLog(port, text) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const lines = closurePack(["logs", "--port", String(port), "--since", "10m"], { quiet: true }).split("\n");
    const line = lines.find((each) => each.includes(text));
    if (line !== undefined) {
      console.log(`\n$ closure-pack logs --port ${port}   # the handler ran: its line`);
      console.log(line);
      return;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no log line containing ${JSON.stringify(text)} after 20 s`);
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(join(root, "fixtures", "aws", "seed"), dir, { recursive: true });
writeFileSync(join(dir, "doc1.txt"), "hello\n");
// A free port, not 4566: the demo must not meet a daemon the user runs.
const port = String(await freePort());
let started = false;
try {
  console.log(readFileSync(join(dir, "index.ts"), "utf8"));
  closurePack(["up", "index.ts", "--yes", "--port", port]);
  started = true;
  const bucket = closurePack(["stack", "output", "docsBucketName"]).trim();
  closurePack(["s3", "cp", "doc1.txt", `s3://${bucket}/doc1.txt`, "--endpoint-url", `http://127.0.0.1:${port}`]);
  await waitForLog(port, `got an S3 Object: ${bucket}/doc1.txt`);

  console.log("\n# edit the handler's message, then deploy again: exactly one update");
  const source = readFileSync(join(dir, "index.ts"), "utf8");
  writeFileSync(join(dir, "index.ts"), source.replace("Hello from Lambda", "Hi again from Lambda"));
  closurePack(["up", "index.ts", "--yes", "--port", port]);
  closurePack(["s3", "cp", "doc1.txt", `s3://${bucket}/doc2.txt`, "--endpoint-url", `http://127.0.0.1:${port}`]);
  await waitForLog(port, `Hi again from Lambda -- got an S3 Object: ${bucket}/doc2.txt`);

  closurePack(["s3", "rm", `s3://${bucket}/doc1.txt`, "--endpoint-url", `http://127.0.0.1:${port}`]);
  closurePack(["s3", "rm", `s3://${bucket}/doc2.txt`, "--endpoint-url", `http://127.0.0.1:${port}`]);
  closurePack(["destroy", "index.ts", "--yes", "--port", port]);
  console.log("\nok: deployed, fired on real uploads, updated in place, destroyed");
} catch (error) {
  console.error(`\ndemo failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (started) closurePack(["cloud", "stop"]);
}
