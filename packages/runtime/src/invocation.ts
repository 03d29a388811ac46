// What an invocation gives back, and the errors the platform itself reports
// (timeouts, runtimes that exit) in the shape the runtime posts errors:
// { errorType, errorMessage, trace }.
import type { InvocationReport, LogRecord } from "./log-record.js";

/** A function error, as Lambda returns it to the caller. */
export interface FunctionError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: FunctionError };

/** The result of {@link LocalFunction.invoke}: the handler's value or its error, the invocation's log lines and its REPORT figures. */
export type InvokeResult = Outcome & {
  requestId: string;
  logs: LogRecord[];
  report: InvocationReport;
};

export function timeoutError(requestId: string, timeout: number): FunctionError {
  return { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: ${timeoutMessage(timeout)}`, trace: [] };
}

export function timeoutMessage(timeout: number): string {
  return `Task timed out after ${timeout.toFixed(2)} seconds`;
}

/** What Lambda says when the runtime process ends: `exit status 1`, `signal: killed`. */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal !== null) return `signal: ${SIGNAL_WORDS[signal] ?? signal}`;
  return `exit status ${code ?? 0}`;
}

const SIGNAL_WORDS: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: "killed",
  SIGTERM: "terminated",
  SIGABRT: "aborted",
  SIGSEGV: "segmentation fault",
};

export function exitError(requestId: string | undefined, reason: string): FunctionError {
  const prefix = requestId === undefined ? "" : `RequestId: ${requestId} `;
  return { errorType: "Runtime.ExitError", errorMessage: `${prefix}Error: Runtime exited with error: ${reason}`, trace: [] };
}

export function responseTooLargeError(): FunctionError {
  return {
    errorType: "Function.ResponseSizeTooLarge",
    errorMessage: "Response payload size exceeded maximum allowed payload size (6291556 bytes).",
    trace: [],
  };
}

/** An error body posted by the runtime; anything malformed is kept as its text. */
export function parseFunctionError(body: Buffer, headerType: string | undefined): FunctionError {
  const text = body.toString("utf8");
  try {
    const parsed = JSON.parse(text) as Partial<FunctionError>;
    return {
      errorType: typeof parsed.errorType === "string" ? parsed.errorType : (headerType ?? "Unknown"),
      errorMessage: typeof parsed.errorMessage === "string" ? parsed.errorMessage : "",
      trace: Array.isArray(parsed.trace) ? parsed.trace.map(String) : [],
    };
  } catch {
    return { errorType: headerType ?? "Unknown", errorMessage: text, trace: [] };
  }
}

export function parseResponse(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
