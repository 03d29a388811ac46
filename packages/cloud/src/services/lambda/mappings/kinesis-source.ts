// Kinesis streams as an event source: Lambda's defaults and refusals for a
// Kinesis mapping (a starting position is required, AT_TIMESTAMP needs its
// timestamp, the stream must exist); the run is stream-poller.ts's, one loop
// per shard. Records reach the function as Lambda's Kinesis events carry
// them (data base64), with the stream's ARN as eventSourceARN.
import { AwsError } from "../../../errors.js";
import { streamSource } from "../../service.js";
import { checkStreamSettings, STREAM_FIELDS } from "./dynamodb-source.js";
import type { EventSourceKind } from "./event-source.js";
import { runStream } from "./stream-poller.js";

export const KINESIS_SOURCE: EventSourceKind = {
  name: "kinesis",
  matches: (arn) => /^arn:aws[a-z-]*:kinesis:[^:]+:\d{12}:stream\/.+$/.test(arn),
  defaults: { BatchSize: 100 },
  fields: STREAM_FIELDS,

  check(settings, arn, _fn, context, creating) {
    checkStreamSettings(settings, creating);
    if (streamSource(context, "kinesis")?.listShards(arn) === undefined) throw new AwsError("InvalidParameterValueException", `Stream not found: ${arn}`);
  },

  run: (run) => runStream(run, { service: "kinesis", batchInfo: "KinesisBatchInfo" }),
};
