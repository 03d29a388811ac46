// Log records: the function's lines with time, request id and level, framed
// by START, END and REPORT; the JSONL file and the subscribers get the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatLogRecord, type LogRecord } from "../src/index.js";
import { fixtureFunction, tempDir } from "./support/functions.js";

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("logs", () => {
  it("framing: init lines, START, the handler's lines in order, END, REPORT", async () => {
    const logDir = tempDir("logs");
    const streamed: LogRecord[] = [];
    const fn = await fixtureFunction("cases", { name: "logger", handler: "logs.handler", logDir, onLog: (record) => streamed.push(record) });
    const result = await fn.invoke({});
    expect(result).toMatchObject({ ok: true, value: "logged" });
    const id = result.requestId;
    const simple = (records: LogRecord[]) => records.map((r) => [r.source, r.requestId, r.level, r.message]);
    const expected = [
      ["stdout", id, "INFO", "info line { a: 1 }"],
      ["stdout", id, "WARN", "warn line"],
      ["stdout", id, "ERROR", "error line"],
      ["stdout", id, "DEBUG", "two\nlines"],
      ["stdout", id, "INFO", "raw stdout"],
      ["stderr", id, "ERROR", "raw stderr without newline"],
    ];
    const [start, ...rest] = simple(result.logs);
    expect(start).toEqual(["platform", id, "INFO", `START RequestId: ${id} Version: $LATEST`]);
    const ownLines = rest.slice(0, -2);
    // stdout and stderr are separate pipes: their lines keep their own order.
    expect(ownLines.filter((line) => line[0] === "stdout")).toEqual(expected.filter((line) => line[0] === "stdout"));
    expect(ownLines.filter((line) => line[0] === "stderr")).toEqual(expected.filter((line) => line[0] === "stderr"));
    expect(rest.at(-2)).toEqual(["platform", id, "INFO", `END RequestId: ${id}`]);
    const report = result.logs.at(-1)!;
    expect(report.message).toMatch(
      new RegExp(
        `^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms\\t$`,
      ),
    );
    expect(report.report).toMatchObject({ memorySizeMB: 128, status: "success", initDurationMs: expect.any(Number) });
    expect(report.report!.billedDurationMs).toBe(Math.max(1, Math.ceil(report.report!.durationMs)));
    for (const record of result.logs) expect(record.timestamp).toMatch(TIME);

    // The module's own line came before START, with no request id.
    expect(simple(streamed)[0]).toEqual(["stdout", null, "INFO", "loading module"]);
    expect(streamed.slice(1)).toEqual(result.logs);
    await fn.close();
    const file = readFileSync(join(logDir, "logger.jsonl"), "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as LogRecord);
    expect(file).toEqual(streamed);
    expect(fn.logFile).toBe(join(logDir, "logger.jsonl"));
  });

  it("format: a function line as CloudWatch shows it", () => {
    const record: LogRecord = { timestamp: "2024-01-01T00:00:00.000Z", function: "f", requestId: "r-1", level: "WARN", source: "stdout", message: "careful" };
    expect(formatLogRecord(record)).toBe("2024-01-01T00:00:00.000Z\tr-1\tWARN\tcareful");
    expect(formatLogRecord({ ...record, source: "platform", message: "END RequestId: r-1" })).toBe("END RequestId: r-1");
  });

  it("errors: Invoke Error is logged with the error as JSON", async () => {
    const fn = await fixtureFunction("cases", { handler: "behaviours.throws" });
    const result = await fn.invoke({});
    const line = result.logs.find((record) => record.message.startsWith("Invoke Error"));
    expect(line).toMatchObject({ level: "ERROR", requestId: result.requestId });
    expect(JSON.parse(line!.message.slice("Invoke Error ".length))).toMatchObject({ errorType: "RangeError", errorMessage: "out of range" });
  });
});
