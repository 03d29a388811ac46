// `closure-pack sns publish`: a message to a topic for users without the aws
// CLI, through @aws-sdk/client-sns, sent where data-target.ts says. A topic
// is named as the program names it (resolved through the stack's state), by
// its AWS name, or by its ARN; one that matches nothing gets the stack's
// topics as a hint.
import { PublishCommand, type MessageAttributeValue } from "@aws-sdk/client-sns";
import { TYPES } from "@closure-pack/aws/engine";
import { describeCallFailure, openDataTarget, type Hints, stackResource, textOrStdin, unknownNameHint, type DataTarget } from "../data-target.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import type { SnsCommand } from "../sns-args.js";

export async function runSns(command: SnsCommand, io: Io): Promise<number> {
  const target = await openDataTarget(command, "SNS", io);
  try {
    const message = await textOrStdin(command.message, io, "message");
    const topicArn = await topicArnOf(target, command.topic);
    const sent = await target.context.clients.sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: message,
        ...(command.subject === undefined ? {} : { Subject: command.subject }),
        ...(command.group === undefined ? {} : { MessageGroupId: command.group }),
        ...(command.dedupId === undefined ? {} : { MessageDeduplicationId: command.dedupId }),
        ...(command.attributes.length === 0 ? {} : { MessageAttributes: attributesOf(command) }),
      }),
    );
    const answer = { MessageId: sent.MessageId, ...(sent.SequenceNumber === undefined ? {} : { SequenceNumber: sent.SequenceNumber }) };
    io.out(command.json ? `${JSON.stringify(answer, null, 2)}\n` : `${sent.MessageId ?? ""}\n`);
    return 0;
  } catch (error) {
    throw describeFailure(error, target, command);
  } finally {
    target.context.destroy();
  }
}

function attributesOf(command: SnsCommand): Record<string, MessageAttributeValue> {
  return Object.fromEntries(command.attributes.map(({ name, type, value }) => [name, { DataType: type, StringValue: value }]));
}

/** An ARN as given; the program's name through the stack; else the topic of that name in the target's account. */
async function topicArnOf(target: DataTarget, topic: string): Promise<string> {
  if (topic.startsWith("arn:")) return topic;
  const declared = stackResource(target, TYPES.topic, topic);
  if (declared !== undefined) return typeof declared.outputs.arn === "string" ? declared.outputs.arn : declared.id;
  return `arn:aws:sns:${target.context.target.region}:${await target.context.accountId()}:${topic}`;
}

const FIFO_HINT = "a FIFO topic takes --group <id>, and --dedup-id <id> unless it has contentBasedDeduplication";
const HINTS: Hints = {
  InvalidParameter: (message) => (/MessageGroupId|MessageDeduplicationId|ContentBasedDeduplication/.test(message) ? FIFO_HINT : undefined),
  InvalidParameterException: (message) => (/MessageGroupId|MessageDeduplicationId|ContentBasedDeduplication/.test(message) ? FIFO_HINT : undefined),
};

function describeFailure(error: unknown, target: DataTarget, command: SnsCommand): unknown {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === "NotFoundException" || name === "NotFound") {
    const otherwise = command.topic.startsWith("arn:")
      ? "check the ARN: `closure-pack stack output` prints a program's outputs"
      : "deploy the program that declares it (`closure-pack up`), or give the topic's ARN";
    return new CliError("TOPIC_NOT_FOUND", command.topic, "no such topic", { hint: unknownNameHint(target, TYPES.topic, "topics", otherwise), cause: error });
  }
  return describeCallFailure(error, target, command.topic, "SNS_REQUEST_FAILED", HINTS);
}
