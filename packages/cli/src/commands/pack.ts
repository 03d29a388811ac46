// `closure-pack <entry> -o <out.zip>`: serialize the live export (or bundle
// the file, --mode bundle), pack it, write the zip only when its content
// changed, then the manifest and source map, and report.
import { dirname, resolve } from "node:path";
import { pack, type PackInput, type PackOptions } from "@closure-pack/pack";
import type { PackCommand } from "../args.js";
import type { Io } from "../io.js";
import { checkEntry } from "../load-entry.js";
import { checkOutputPath, writeTextIfChanged, writeZipIfChanged } from "../output-file.js";
import { displayPath } from "../paths.js";
import { formatAnalysis, formatCaptures, formatSummary, formatWarnings, packRecord, type PackOutcome } from "../report.js";
import { serializeEntry } from "../serialize-entry.js";

export async function runPack(command: PackCommand, io: Io): Promise<number> {
  const started = performance.now();
  const entry = checkEntry(resolve(io.cwd, command.entry), displayPath(io.cwd, command.entry));
  const output = resolve(io.cwd, command.output);
  const shown = displayPath(io.cwd, output);
  checkOutputPath(output, shown);
  // Serialized as ES module syntax whatever the output format: named imports
  // let esbuild tree-shake packages, and esbuild converts to CommonJS.
  const input: PackInput =
    command.mode === "bundle"
      ? { entry, export: command.exportName }
      : await serializeEntry({ entry: command.entry, exportName: command.exportName, format: "esm", cwd: io.cwd, loadTimeout: command.loadTimeout });
  // The serializer's warnings: deploy-machine environment values in captured strings.
  if ("warnings" in input)
    io.err(
      formatWarnings(
        (input.warnings ?? []).map((each) => `${each.message}\nhint: ${each.hint}`),
        io.errPaint,
      ),
    );
  const result = await pack(input, packOptions(command, dirname(entry)));
  const changed = await writeZipIfChanged(output, shown, result.zip, result.contentHash);
  const written: string[] = [];
  if (command.manifest !== undefined) {
    const path = resolve(io.cwd, command.manifest);
    await writeTextIfChanged(path, displayPath(io.cwd, path), `${JSON.stringify(result.manifest, null, 2)}\n`);
    written.push(displayPath(io.cwd, path));
  }
  if (command.sourcemap && result.sourcemap !== undefined) {
    const path = `${output}.map`;
    await writeTextIfChanged(path, displayPath(io.cwd, path), result.sourcemap);
    written.push(displayPath(io.cwd, path));
  }
  const outcome: PackOutcome = { output: shown, status: changed ? "written" : "unchanged", result, ms: performance.now() - started, written };
  report(outcome, command, io);
  return 0;
}

// exportName stays "handler": whatever the entry's export is called, the
// package exports it as handler (Lambda's handler setting: index.handler).
function packOptions(command: PackCommand, resolveDir: string): PackOptions {
  return {
    runtime: command.runtime,
    format: command.format,
    external: command.external,
    bundleAwsSdk: command.bundleAwsSdk,
    minify: command.minify,
    sourcemap: command.sourcemap,
    resolveDir,
  };
}

function report(outcome: PackOutcome, command: PackCommand, io: Io): void {
  io.err(formatWarnings(outcome.result.warnings, io.errPaint));
  if (command.json) {
    io.out(`${JSON.stringify(packRecord(outcome, command), null, 2)}\n`);
    return;
  }
  if (command.quiet) return;
  io.out(formatSummary(outcome, io.outPaint));
  if (command.analyze) io.out(formatAnalysis(outcome.result, io.outPaint) + formatCaptures(outcome.result.manifest.captures, io.outPaint));
}
