// `closure-pack logs put`: log events into a log group for users without the
// aws CLI (to try a subscription filter, say), through
// @aws-sdk/client-cloudwatch-logs, sent where data-target.ts says. The
// stream is made when missing; the events carry the time of the call.
import { CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { TYPES } from "@closure-pack/aws/engine";
import { describeCallFailure, openDataTarget, stackResource, textOrStdin, type DataTarget } from "../data-target.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import type { LogsPutCommand } from "../logs-put-args.js";

export async function runLogsPut(command: LogsPutCommand, io: Io): Promise<number> {
  const messages = (await Promise.all(command.messages.map(async (each) => (each === "-" ? linesOf(await textOrStdin(each, io, "messages")) : [each])))).flat();
  const target = await openDataTarget(command, "CLOUDWATCH_LOGS", io);
  const group = groupOf(target, command.group);
  const logs = target.context.clients.logs;
  try {
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: command.stream })).catch((error: unknown) => {
      if ((error as { name?: string }).name !== "ResourceAlreadyExistsException") throw error;
    });
    const timestamp = Date.now();
    const answer = await logs.send(
      new PutLogEventsCommand({ logGroupName: group, logStreamName: command.stream, logEvents: messages.map((message) => ({ timestamp, message })) }),
    );
    if (answer.rejectedLogEventsInfo !== undefined) {
      throw new CliError("LOG_EVENTS_REJECTED", group, "CloudWatch Logs refused the events as too old or too new", {
        hint: "it keeps events from the retention period (at most 14 days) back to 2 hours ahead of its clock; a local cloud's clock moves with `closure-pack cloud tick`",
      });
    }
    const result = { logGroupName: group, logStreamName: command.stream, events: messages.length };
    io.out(
      command.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `put ${messages.length} event${messages.length === 1 ? "" : "s"} into ${group} (stream ${command.stream})\n`,
    );
    return 0;
  } catch (error) {
    throw describeFailure(error, target, command, group);
  } finally {
    target.context.destroy();
  }
}

function linesOf(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  if (lines.length === 0)
    throw new CliError("INVALID_EVENT", "-", "standard input held no lines to put", { hint: "CloudWatch Logs takes no empty events: pipe at least one line" });
  return lines;
}

/** A group's name from its ARN; a program's log group or function through the stack; else the name as given. */
function groupOf(target: DataTarget, group: string): string {
  const arn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(:\*)?$/.exec(group);
  if (arn !== null) return arn[1]!;
  const declared = stackResource(target, TYPES.logGroup, group);
  if (declared !== undefined) return typeof declared.outputs.name === "string" ? declared.outputs.name : declared.id;
  const fn = stackResource(target, TYPES.function, group);
  return fn === undefined ? group : `/aws/lambda/${fn.id}`;
}

function describeFailure(error: unknown, target: DataTarget, command: LogsPutCommand, group: string): unknown {
  if ((error as { name?: string } | undefined)?.name === "ResourceNotFoundException") {
    return new CliError("LOG_GROUP_NOT_FOUND", group, "no such log group", { hint: missingGroupHint(target), cause: error });
  }
  return describeCallFailure(error, target, command.group, "LOGS_REQUEST_FAILED");
}

// A function's group exists once it has logged; a program's log groups and functions are named as it names them.
function missingGroupHint(target: DataTarget): string {
  const live = (target.state?.resources ?? []).filter((r) => r.retired !== true);
  const groups = live
    .filter((r) => r.type === TYPES.logGroup)
    .map((r) => r.name)
    .sort();
  const functions = live
    .filter((r) => r.type === TYPES.function)
    .map((r) => r.name)
    .sort();
  const named = [
    ...(groups.length > 0 ? [`the log groups ${groups.join(", ")}`] : []),
    ...(functions.length > 0 ? [`the functions ${functions.join(", ")} (their groups exist once they have logged)`] : []),
  ];
  if (named.length === 0) return "create it (a program's cloudwatch.LogGroup, or a function that has run), or check the name";
  return `the stack "${target.stack}" has ${named.join(" and ")}`;
}
