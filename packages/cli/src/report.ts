// What `closure-pack <entry>` prints: the one-line summary, the --analyze
// table, warnings, and the --json record. Only formats; main() writes.
import type { PackResult } from "@closure-pack/pack";
import type { PackCommand } from "./args.js";
import type { Paint } from "./colors.js";
import { formatBytes, formatMs, plural } from "./format.js";

export interface PackOutcome {
  /** The zip as messages show it. */
  output: string;
  /** "unchanged": the zip on disk already had this contentHash and was left untouched. */
  status: "written" | "unchanged";
  result: PackResult;
  ms: number;
  /** Other files written: manifest, source map (as messages show them). */
  written: string[];
}

const TOP_CONTRIBUTORS = 10;

/** `out.zip  12.3 KB  1 file  codeSha256 …  212 ms`, with `unchanged` when it was. */
export function formatSummary(outcome: PackOutcome, paint: Paint): string {
  const { result } = outcome;
  const status = outcome.status === "unchanged" ? `  ${paint.yellow("unchanged")}` : "";
  const parts = [
    `${paint.bold(outcome.output)}${status}`,
    formatBytes(result.zip.length),
    plural(result.manifest.files.length, "file"),
    `codeSha256 ${paint.cyan(result.codeSha256)}`,
    paint.dim(formatMs(outcome.ms)),
  ];
  const extra = outcome.written.map((file) => `\n${paint.dim(`  wrote ${file}`)}`).join("");
  return `${parts.join("  ")}${extra}\n`;
}

/** The largest contributors to the bundle, with their share. */
export function formatAnalysis(result: PackResult, paint: Paint): string {
  const total = result.contributors.reduce((sum, each) => sum + each.bytes, 0);
  const top = result.contributors.slice(0, TOP_CONTRIBUTORS);
  if (top.length === 0) return "no contributors reported\n";
  const rows = top.map((each) => {
    const share = total === 0 ? 0 : (100 * each.bytes) / total;
    return `  ${formatBytes(each.bytes).padStart(9)}  ${`${share.toFixed(1)}%`.padStart(6)}  ${each.path}`;
  });
  const rest = result.contributors.length - top.length;
  if (rest > 0) rows.push(paint.dim(`  … and ${plural(rest, "more input")}`));
  return `${paint.bold("largest contributors")} (bytes in the bundle)\n${rows.join("\n")}\n`;
}

/**
 * What the serializer did with the captured values, after the contributors:
 * counts, and each value rebuilt at load with why (issue 11).
 */
export function formatCaptures(captures: PackResult["manifest"]["captures"], paint: Paint): string {
  if (captures.length === 0) return "";
  const count = (how: string): number => captures.filter((each) => (each.how ?? "copied") === how).length;
  const lines = [`${paint.bold("captured values")}: ${count("copied")} copied, ${count("referenced")} referenced, ${count("rebuilt")} rebuilt at load`];
  for (const each of captures) {
    if (each.how === "rebuilt") lines.push(`  ${each.path.join(" -> ")}  ${paint.dim(each.why ?? "")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The packager's warnings (esbuild's, native addons), one `warning:` line each, on stderr. */
export function formatWarnings(warnings: readonly string[], paint: Paint): string {
  return warnings.map((warning) => `${paint.yellow("warning")}: ${warning}\n`).join("");
}

/** The machine-readable record of --json. */
export function packRecord(outcome: PackOutcome, command: PackCommand): Record<string, unknown> {
  const { result } = outcome;
  return {
    output: outcome.output,
    status: outcome.status,
    bytes: result.zip.length,
    files: result.manifest.files.length,
    codeSha256: result.codeSha256,
    contentHash: result.contentHash,
    handler: result.handler,
    runtime: result.manifest.runtime,
    format: command.format,
    mode: command.mode,
    ms: Math.round(outcome.ms),
    written: outcome.written,
    warnings: result.warnings,
    manifest: result.manifest,
    ...(command.analyze ? { contributors: result.contributors } : {}),
  };
}
