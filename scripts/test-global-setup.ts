// Tests inspect closures in child `node` processes that load the built
// packages, so build them first: a stale dist/ would test old code.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const script = fileURLToPath(new URL("./build.mjs", import.meta.url));
  execFileSync(process.execPath, [script], {
    stdio: "inherit",
    env: { ...process.env, CLOSURE_PACK_QUIET_BUILD: "1" },
  });
}
