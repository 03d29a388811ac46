// The round trip every semantic test drives: child A serializes the case's
// `fn` and probes the original, child B loads the emitted text in a fresh
// process and probes the copy. Nothing is inspected in the vitest worker.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Capture, SerializationWarning, SerializeOptions } from "../../src/options.js";
import { baseEnv, CHILD_TIMEOUT_MS, runChild, SLOW_CHILD_TIMEOUT_MS } from "./spawn-child.js";
import { createWorkspace, linkModules, type SourceFormat, type Workspace } from "./workspace.js";

/** Options that can travel as JSON; a `serialize` callback goes in the case source. */
export type JsonOptions = Omit<SerializeOptions, "serialize">;

export interface CaseSource {
  /** Module text that exports `fn` (and optionally `options`). */
  source: string;
  /** Format of `source`. Default "cjs". */
  sourceFormat?: SourceFormat;
  /** Merged over the options the case module exports. */
  options?: JsonOptions;
  /** JS text of `(f) => ...`, run in both children. Default `(f) => f()`. */
  probe?: string;
  /** Large inputs: longer timeouts for the children (and the test). */
  slow?: boolean;
  /** Return the serializer's `captures` (left out otherwise: large on deep graphs). */
  captures?: boolean;
}

export interface ChildSettings {
  /** cwd of child A. Default: the case directory. */
  cwd?: string;
  /** Added to child A's environment (PATH and TZ=UTC otherwise). */
  env?: Record<string, string>;
  umask?: number;
  /** Serialize this many times in the one process; all texts are returned. */
  repeat?: number;
  /** Kill child A after this long. */
  timeoutMs?: number;
  /** Return the serializer's `captures`, whatever the case says. */
  captures?: boolean;
}

export interface Logs {
  stdout: string;
  stderr: string;
}

export interface Serialized {
  ok: true;
  text: string;
  exportName: string;
  modules: string[];
  /** Only when the case or the settings ask for it. */
  captures: Capture[] | undefined;
  warnings: SerializationWarning[];
  /** Every text, when serialized `repeat` times. */
  texts: string[];
  /** Description of the probe's result on the original function. */
  original: unknown;
  logs: Logs;
}

export interface Refusal {
  name: string;
  code: string;
  message: string;
  path: string[];
  hint?: string;
}

export type SerializeOutcome = Serialized | { ok: false; error: Refusal };

export interface RoundTripResult {
  original: unknown;
  copy: unknown;
  text: string;
  exportName: string;
  modules: string[];
  /** Only when the case asks for it (`captures: true`). */
  captures: Capture[] | undefined;
  originalLogs: Logs;
  copyLogs: Logs;
}

export const DEFAULT_PROBE = "(f) => f()";

/** Child A alone, in its own temp dir: for refusal and determinism tests. */
export async function serializeInChild(source: string | CaseSource, options?: JsonOptions, settings: ChildSettings = {}): Promise<SerializeOutcome> {
  const testCase = typeof source === "string" ? { source } : source;
  const merged: CaseSource = options === undefined ? testCase : { ...testCase, options: { ...testCase.options, ...options } };
  const workspace = createWorkspace(merged.source, merged.sourceFormat ?? "cjs");
  try {
    return await serializeIn(workspace, merged, settings);
  } finally {
    workspace.dispose();
  }
}

export async function serializeIn(workspace: Workspace, testCase: CaseSource, settings: ChildSettings = {}): Promise<SerializeOutcome> {
  const payload = await runChild({
    script: "child-serialize.cjs",
    requestPath: join(workspace.root, "serialize-request.json"),
    cwd: settings.cwd ?? workspace.caseDir,
    env: { ...baseEnv(), HOME: process.env["HOME"] ?? workspace.root, ...settings.env },
    timeoutMs: settings.timeoutMs ?? childTimeout(testCase),
    request: {
      casePath: workspace.casePath,
      sourceFormat: testCase.sourceFormat ?? "cjs",
      options: testCase.options ?? {},
      probe: testCase.probe ?? DEFAULT_PROBE,
      outDir: workspace.outDir,
      repeat: settings.repeat ?? 1,
      captures: settings.captures ?? testCase.captures ?? false,
      ...(settings.umask === undefined ? {} : { umask: settings.umask }),
    },
  });
  if ("crash" in payload) throw new Error(`child A crashed (not a SerializationError):\n${crashText(payload["crash"])}`);
  if ("error" in payload) return { ok: false, error: payload["error"] as Refusal };
  return {
    ok: true,
    text: payload["text"] as string,
    exportName: payload["exportName"] as string,
    modules: payload["modules"] as string[],
    captures: payload["captures"] as Capture[] | undefined,
    warnings: (payload["warnings"] as SerializationWarning[] | undefined) ?? [],
    texts: (payload["texts"] as string[] | undefined) ?? [payload["text"] as string],
    original: payload["result"],
    logs: payload["logs"] as Logs,
  };
}

/**
 * Child B: loads `<out>/index.cjs|mjs` from a fresh `node` whose only
 * resolvable packages are links for `modules`, HOME an empty directory and
 * no NODE_PATH, then runs the probe on the export.
 */
export async function runCopy(
  workspace: Workspace,
  serialized: Serialized,
  testCase: CaseSource,
  env: Record<string, string> = {},
): Promise<{ result: unknown; logs: Logs }> {
  const missing = linkModules(workspace, serialized.modules);
  const home = join(workspace.root, "home");
  mkdirSync(home, { recursive: true });
  const format = testCase.options?.format ?? "cjs";
  const payload = await runChild({
    script: "child-run.cjs",
    requestPath: join(workspace.root, "run-request.json"),
    cwd: workspace.outDir,
    env: { ...baseEnv(), HOME: home, ...env },
    timeoutMs: childTimeout(testCase),
    request: {
      outFile: join(workspace.outDir, format === "esm" ? "index.mjs" : "index.cjs"),
      format,
      exportName: testCase.options?.exportName ?? "handler",
      probe: testCase.probe ?? DEFAULT_PROBE,
    },
  });
  if ("crash" in payload) throw new Error(`child B crashed:\n${crashText(payload["crash"])}`);
  if ("loadError" in payload) {
    const note = missing.length > 0 ? `modules that resolve nowhere from the case: ${missing.join(", ")}\n` : "";
    throw new Error(`the emitted module failed to load:\n${crashText(payload["loadError"])}\n${note}${textBlock(serialized.text)}`);
  }
  return { result: payload["result"], logs: payload["logs"] as Logs };
}

/** Serialize in child A, run in child B; throws if serialization is refused. */
export async function roundTrip(
  testCase: CaseSource & { env?: { serialize?: Record<string, string>; run?: Record<string, string> } },
): Promise<RoundTripResult> {
  const workspace = createWorkspace(testCase.source, testCase.sourceFormat ?? "cjs");
  try {
    const outcome = await serializeIn(workspace, testCase, { env: testCase.env?.serialize ?? {} });
    if (!outcome.ok) {
      const { code, message, path } = outcome.error;
      throw new Error(`serializeFunction refused the case [${code}] path ${JSON.stringify(path)}:\n${message}`);
    }
    const copy = await runCopy(workspace, outcome, testCase, testCase.env?.run ?? {});
    return {
      original: outcome.original,
      copy: copy.result,
      text: outcome.text,
      exportName: outcome.exportName,
      modules: outcome.modules,
      captures: outcome.captures,
      originalLogs: outcome.logs,
      copyLogs: copy.logs,
    };
  } finally {
    workspace.dispose();
  }
}

function childTimeout(testCase: CaseSource): number {
  return testCase.slow ? SLOW_CHILD_TIMEOUT_MS : CHILD_TIMEOUT_MS;
}

function crashText(value: unknown): string {
  const { name, message, stack } = (value ?? {}) as { name?: string; message?: string; stack?: string };
  return stack && stack.includes(String(message)) ? stack : `${name}: ${message}\n${stack ?? ""}`;
}

/** The emitted text for failure messages, cut to a readable size. */
export function textBlock(text: string): string {
  const kept = text.length > 6000 ? `${text.slice(0, 6000)}\n… (${text.length - 6000} more characters)` : text;
  return `--- emitted text ---\n${kept}\n--- end ---`;
}
