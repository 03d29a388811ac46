// Reads the log lines of functions through CloudWatch Logs (FilterLogEvents
// on /aws/lambda/<function>), the same call on either target; the CLI's
// `logs` merges and prints them.
import { logsApi } from "../provider/sdk.js";
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { ProviderContext } from "../provider/context.js";

export interface LogSource {
  /** The function's logical name. */
  name: string;
  /** Its physical name. */
  functionName: string;
}

export interface LogLine {
  time: number;
  name: string;
  message: string;
  /** Unique per event: a poll that sees an event again skips it. */
  id: string;
}

/** The lines of every source since `since` (ms), sorted by time then name. */
export async function readLogLines(context: ProviderContext, sources: readonly LogSource[], since: number): Promise<LogLine[]> {
  const lines = (await Promise.all(sources.map((source) => readSource(context, source, since)))).flat();
  return lines.sort((a, b) => a.time - b.time || a.name.localeCompare(b.name, "en"));
}

async function readSource(context: ProviderContext, source: LogSource, since: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  let nextToken: string | undefined;
  do {
    let page;
    try {
      page = await context.clients.logs.send(
        new (logsApi().FilterLogEventsCommand)({ logGroupName: `/aws/lambda/${source.functionName}`, startTime: since, ...(nextToken ? { nextToken } : {}) }),
      );
    } catch (error) {
      // A function that never ran has no log group yet.
      if ((error as { name?: string }).name === "ResourceNotFoundException") return lines;
      throw error;
    }
    for (const event of page.events ?? []) lines.push(toLine(source, event));
    nextToken = page.nextToken;
  } while (nextToken);
  return lines;
}

// Lambda's Node.js runtime writes console lines as `<ISO time>\t<request id>\t<LEVEL>\t<text>`;
// the line already starts with the time and the function, so only a level
// other than INFO is kept.
const CONSOLE_PREFIX = /^\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f-]{36}\t([A-Z]+)\t/;

function toLine(source: LogSource, event: FilteredLogEvent): LogLine {
  const raw = (event.message ?? "").replace(/\s+$/, "");
  const message = raw.replace(CONSOLE_PREFIX, (_, level: string) => (level === "INFO" ? "" : `${level} `));
  return { time: event.timestamp ?? 0, name: source.name, message, id: event.eventId ?? `${event.logStreamName}:${event.timestamp}:${message}` };
}
