// Unzips a package (with jszip, as a reader independent of the packager) and
// invokes its index.handler in a fresh `node`, the way Lambda would: an empty
// folder, no package.json above the code, the event as JSON.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import JSZip from "jszip";

export async function unzipTo(zipPath: string, dir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const names: string[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), await file.async("nodebuffer"));
    names.push(file.name);
  }
  return names.sort();
}

/** Results of calling index.handler once per event, in order, in one warm process. */
export async function invokePackage(zipPath: string, events: unknown[], env: NodeJS.ProcessEnv = {}): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-lambda-"));
  try {
    const files = await unzipTo(zipPath, dir);
    const index = files.find((name) => name === "index.js" || name === "index.mjs");
    if (!index) throw new Error(`no index.js or index.mjs in ${files.join(", ")}`);
    // As Lambda's runtime does: require() for index.js, import() for index.mjs.
    const load = index === "index.js" ? `Promise.resolve(require("./index.js"))` : `import("./index.mjs")`;
    const runner = `${load}.then(async (mod) => {
  const out = [];
  for (const event of ${JSON.stringify(events)}) out.push(await mod.handler(event));
  process.stdout.write(JSON.stringify(out));
});`;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--input-type=commonjs", "-e", runner],
        { cwd: dir, env: { PATH: process.env.PATH, ...env }, encoding: "utf8" },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
    return JSON.parse(stdout) as unknown[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
