// CloudWatch Logs subscription events (CloudWatchLogsEvent): the payload is
// gzipped JSON, base64-encoded in awslogs.data. Node's gzip writes no mtime,
// so the bytes are the same every run.
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from "aws-lambda";
import { gzipSync } from "node:zlib";
import type { EventContext } from "./sample-event.js";
import { ACCOUNT_ID } from "../environment.js";

export function logsEvent(c: EventContext): object {
  const logGroup = c.options.logGroup ?? "/aws/lambda/example-function";
  const messages = (c.options.body ?? "[INFO] first sample line\n[ERROR] second sample line").split("\n");
  const timestamp = c.time.getTime();
  const payload = {
    messageType: "DATA_MESSAGE",
    owner: ACCOUNT_ID,
    logGroup,
    logStream: "2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
    subscriptionFilters: ["example-filter"],
    logEvents: messages.map((message, index) => ({
      id: `${String(timestamp).padEnd(20, "0")}${String(index).padStart(36, "0")}`,
      timestamp: timestamp + index,
      message,
    })),
  } satisfies CloudWatchLogsDecodedData;
  return { awslogs: { data: gzipSync(JSON.stringify(payload)).toString("base64") } } satisfies CloudWatchLogsEvent;
}
