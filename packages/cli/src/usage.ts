// The command table: every command `closure-pack` knows, in the order
// `closure-pack --help` lists them. Each row (its help, subcommands and
// parser) lives in the command's *-args.ts file; a new command is one import
// and one row here, and one case in main.ts's run().
import type { CommandEntry } from "./command-spec.js";
import { CLOUD, type CloudCommand } from "./cloud-args.js";
import { LOGS_AND_PUT, type LogsPutCommand } from "./logs-put-args.js";
import { DESTROY, PREVIEW, STACK_COMMAND, UP, type DeployCommand, type LogsCommand, type StackCommand } from "./deploy-args.js";
import { DYNAMODB, type DynamoDbCommand } from "./dynamodb-args.js";
import { KINESIS, type KinesisCommand } from "./kinesis-args.js";
import { EVENTS, type EventsCommand } from "./events-args.js";
import { EVENT, INVOKE, type EventCommand, type InvokeCommand } from "./invoke-args.js";
import { DIFF, HASH, PACK, PRINT, type DiffCommand, type HashCommand, type PackCommand, type PrintCommand } from "./pack-args.js";
import { S3, type S3Command } from "./s3-args.js";
import { SNS, type SnsCommand } from "./sns-args.js";
import { SQS, type SqsCommand } from "./sqs-args.js";

/** What a command line asks for; main.ts runs it. */
export type Command =
  | { kind: "help"; text: string }
  | { kind: "version" }
  | PackCommand
  | PrintCommand
  | HashCommand
  | DiffCommand
  | InvokeCommand
  | EventCommand
  | DeployCommand
  | StackCommand
  | LogsCommand
  | S3Command
  | SqsCommand
  | DynamoDbCommand
  | SnsCommand
  | KinesisCommand
  | EventsCommand
  | LogsPutCommand
  | CloudCommand;

export const COMMANDS: ReadonlyArray<CommandEntry<Command>> = [
  PACK,
  PRINT,
  HASH,
  DIFF,
  INVOKE,
  EVENT,
  UP,
  PREVIEW,
  DESTROY,
  STACK_COMMAND,
  LOGS_AND_PUT,
  CLOUD,
  S3,
  SQS,
  DYNAMODB,
  SNS,
  KINESIS,
  EVENTS,
];
