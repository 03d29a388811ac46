// `closure-pack events put`: one event onto an EventBridge bus for users
// without the aws CLI, through @aws-sdk/client-eventbridge, sent where
// data-target.ts says. The detail is checked as JSON here, so a typo is
// named before anything is sent; an entry EventBridge refuses (PutEvents
// answers per entry) is an error with its code.
import { PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { describeCallFailure, openDataTarget, textOrStdin } from "../data-target.js";
import { CliError } from "../errors.js";
import type { EventsCommand } from "../events-args.js";
import type { Io } from "../io.js";

export async function runEvents(command: EventsCommand, io: Io): Promise<number> {
  const detail = checkedDetail(await textOrStdin(command.detail, io, "detail"));
  const target = await openDataTarget(command, "EVENTBRIDGE", io);
  const bus = command.bus ?? "default";
  try {
    const entry = {
      Source: command.source,
      DetailType: command.detailType,
      Detail: detail,
      ...(command.bus === undefined ? {} : { EventBusName: command.bus }),
      ...(command.resources.length === 0 ? {} : { Resources: command.resources }),
    };
    const { Entries = [] } = await target.context.clients.events.send(new PutEventsCommand({ Entries: [entry] }));
    const [answer] = Entries;
    if (answer?.EventId === undefined) throw refused(bus, answer?.ErrorCode ?? "Unknown", answer?.ErrorMessage ?? "no answer for the event");
    io.out(command.json ? `${JSON.stringify({ EventId: answer.EventId }, null, 2)}\n` : `${answer.EventId}\n`);
    return 0;
  } catch (error) {
    throw describeCallFailure(error, target, bus, "EVENTS_REQUEST_FAILED");
  } finally {
    target.context.destroy();
  }
}

function checkedDetail(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError("INVALID_EVENT", "--detail", `not JSON: ${(error as Error).message}`, { hint: `give the detail as a JSON object, e.g. '{"id":"o1"}'` });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new CliError("INVALID_EVENT", "--detail", "must be a JSON object", { hint: `e.g. '{"id":"o1"}'` });
  return text;
}

function refused(bus: string, code: string, message: string): CliError {
  if (/^Event bus .* does not exist/.test(message)) {
    return new CliError("EVENT_BUS_NOT_FOUND", bus, "no such event bus", { hint: "the account's own bus is default: leave --bus out" });
  }
  return new CliError("EVENT_REJECTED", bus, `${code}: ${message}`);
}
