// `closure-pack kinesis put`: records into a stream for users without the
// aws CLI, through @aws-sdk/client-kinesis (over HTTP/1.1, as the provider's
// client), sent where data-target.ts says. One PutRecord per record, in
// order, each after the one before (SequenceNumberForOrdering), so records
// of one key keep the order given; one line per record: shard and sequence
// number.
import { PutRecordCommand } from "@aws-sdk/client-kinesis";
import { TYPES } from "@closure-pack/aws/engine";
import { describeCallFailure, openDataTarget, stackResource, textOrStdin, unknownNameHint, type DataTarget } from "../data-target.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import type { KinesisCommand } from "../kinesis-args.js";

export async function runKinesis(command: KinesisCommand, io: Io): Promise<number> {
  const target = await openDataTarget(command, "KINESIS", io);
  try {
    const stream = streamOf(target, command.stream);
    const put: Array<{ ShardId: string; SequenceNumber: string }> = [];
    for (const record of command.records) {
      const data = Buffer.from(await textOrStdin(record, io, "record"), "utf8");
      const previous = put.at(-1)?.SequenceNumber;
      const answer = await target.context.clients.kinesis.send(
        new PutRecordCommand({
          ...stream,
          Data: data,
          PartitionKey: command.partitionKey,
          ...(previous === undefined ? {} : { SequenceNumberForOrdering: previous }),
        }),
      );
      put.push({ ShardId: answer.ShardId ?? "", SequenceNumber: answer.SequenceNumber ?? "" });
      if (!command.json) io.out(`${answer.ShardId} ${answer.SequenceNumber}\n`);
    }
    if (command.json) io.out(`${JSON.stringify(put, null, 2)}\n`);
    return 0;
  } catch (error) {
    throw describeFailure(error, target, command);
  } finally {
    target.context.destroy();
  }
}

/** An ARN as given; the program's name through the stack; else the stream of that name. */
function streamOf(target: DataTarget, stream: string): { StreamARN: string } | { StreamName: string } {
  if (stream.startsWith("arn:")) return { StreamARN: stream };
  const declared = stackResource(target, TYPES.stream, stream);
  return { StreamName: declared === undefined ? stream : typeof declared.outputs.name === "string" ? declared.outputs.name : declared.id };
}

function describeFailure(error: unknown, target: DataTarget, command: KinesisCommand): unknown {
  if ((error as { name?: string } | undefined)?.name === "ResourceNotFoundException") {
    const otherwise = command.stream.startsWith("arn:")
      ? "check the ARN: `closure-pack stack output` prints a program's outputs"
      : "deploy the program that declares it (`closure-pack up`), or give the stream's ARN";
    return new CliError("STREAM_NOT_FOUND", command.stream, "no such stream", {
      hint: unknownNameHint(target, TYPES.stream, "streams", otherwise),
      cause: error,
    });
  }
  return describeCallFailure(error, target, command.stream, "KINESIS_REQUEST_FAILED");
}
