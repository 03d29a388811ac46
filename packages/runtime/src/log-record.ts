// One line of a function's log, as stored (JSONL) and streamed: the
// function's own output and the platform's START, END and REPORT lines,
// formatted the way CloudWatch Logs shows them for a Lambda function.

export type LogLevel = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL";

/** Durations and memory of one invocation: what the REPORT line says. */
export interface InvocationReport {
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  /** Set on the invocation that started the instance (a cold start). */
  initDurationMs?: number;
  status: "success" | "error" | "timeout" | "crash";
}

export interface LogRecord {
  /** ISO time the line was written. */
  timestamp: string;
  function: string;
  /** The instance's log stream (`2024/05/01/[$LATEST]<32 hex>`), as CloudWatch Logs groups lines; absent on records made elsewhere. */
  logStream?: string;
  /** null outside an invocation (while the handler's module loads). */
  requestId: string | null;
  level: LogLevel;
  /** stdout/stderr: the function's output; platform: START, END, REPORT and the runtime's own lines. */
  source: "stdout" | "stderr" | "platform";
  message: string;
  /** On REPORT lines. */
  report?: InvocationReport;
}

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export function reportLine(requestId: string, report: InvocationReport): string {
  const parts = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${report.billedDurationMs} ms`,
    `Memory Size: ${report.memorySizeMB} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMB} MB`,
  ];
  if (report.initDurationMs !== undefined) parts.push(`Init Duration: ${report.initDurationMs.toFixed(2)} ms`);
  if (report.status === "timeout") parts.push("Status: timeout");
  if (report.status === "crash") parts.push("Status: error");
  return `${parts.join("\t")}\t`;
}

/** A record as a line of text: `<time>\t<requestId>\t<LEVEL>\t<message>` for the function's lines, the message alone for the platform's. */
export function formatLogRecord(record: LogRecord): string {
  if (record.source === "platform") return record.message;
  return `${record.timestamp}\t${record.requestId ?? "undefined"}\t${record.level}\t${record.message}`;
}
