// The help text: every command and flag, printed by --help and after a usage error.

export const USAGE = `Usage:
  closure-pack <entry> -o <out.zip> [options]   pack a handler file into a Lambda zip
  closure-pack print <entry> [--export name] [--format cjs|esm]
                                                print the serialized handler module
  closure-pack hash <zip> [--json]              print codeSha256 and contentHash of a zip
  closure-pack diff <a.zip> <b.zip> [--json]    list entries added, removed and changed
                                                (exit 0 when equal, 1 when not, 2 on error)
  closure-pack invoke <zip|dir> [--event <file|->] [options]
                                                run the handler locally as Lambda does: the
                                                response as JSON on stdout, logs on stderr
                                                (exit 0 success, 1 function error, 2 usage)
  closure-pack event <kind> [options]           print a sample event: s3-put, s3-delete, sqs,
                                                sns, dynamodb, kinesis, schedule, eventbridge,
                                                logs, apigw-v1, apigw-v2
  closure-pack s3 cp <from> <to>                copy a file to or from S3, or between keys
                                                (s3://bucket/key; a key ending in / is a folder)
  closure-pack s3 ls [s3://bucket[/prefix]]     list the buckets, or a bucket's folder
  closure-pack s3 rm s3://bucket/key            delete an object
  closure-pack sqs send <queue> <body|->        send a message to a queue (the program's name
                                                for it, its name or URL);
                                                prints the message id
  closure-pack dynamodb put|get|delete <table> <json|->
                                                put an item, or get or delete one by its key
                                                (plain JSON: '{"id":"o1"}'); get prints it
  closure-pack sns publish <topic> <message|->  publish to a topic (the program's name for it,
                                                its name or ARN); prints the message id
  closure-pack kinesis put <stream> <data...> --partition-key <key>
                                                put one record per data argument, in order;
                                                prints each one's shard and sequence number
  closure-pack events put --source <s> --detail-type <t> [--detail <json|->]
                                                put an event on a bus (default: default);
                                                prints the event id
  closure-pack logs put <group> <message...|-> [--stream <name>]
                                                put log events into a log group (the program's
                                                name for a function writes to its group)

  closure-pack up <program> [--stack dev] [--yes] [--json] [--diff]
                                                deploy the program's resources and magic
                                                functions (default target: the local cloud)
  closure-pack preview <program> [--diff]       show the plan without applying it
  closure-pack destroy <program> [--yes]        delete every resource of the stack
  closure-pack stack output [name] [--json]     print the stack's outputs
  closure-pack stack ls                         list the stacks beside the program
  closure-pack logs [-f] [--since 1h] [--resource name] [--json]
                                                the stack's function logs, merged by time
  closure-pack cloud start|stop|status [--data <dir>] [--port <n>] [--json]
                                                the local cloud's daemon (default data folder
                                                .closure-pack/cloud, port 4566): start it in
                                                the background, stop it, or say if it runs;
                                                start --durability machine also survives a
                                                power cut (fsync per write; default process:
                                                a crash of the daemon, kill -9 included)
  closure-pack cloud tick <duration> [--data <dir>]
                                                advance the local cloud's clock (5m, 1h30m)

The entry (.ts, .mts, .cts, .js, .mjs, .cjs) is compiled and loaded once, so its
module-level code runs at pack time; the live export is serialized with
everything it captures. The package always exports it as "handler": set the
Lambda handler to index.handler. To pack an entry named like a command, write
./print (or ./invoke, ./event).

Options:
  -o, --output <file>      the zip to write (required); left untouched when its
                           content is unchanged
      --mode eval|bundle   eval (default): load the entry and serialize the live
                           export; bundle: bundle the file without running it
      --export <name>      the export to pack (default "handler")
      --format cjs|esm     index.js (cjs, default) or index.mjs (esm)
      --load-timeout <s>   seconds the entry may take to load (default 60)
      --runtime <name>     nodejs20.x or nodejs22.x (default nodejs22.x)
      --external <module>  keep a module out of the bundle (repeatable);
                           @aws-sdk/* is external unless --bundle-aws-sdk
      --bundle-aws-sdk     bundle @aws-sdk/* instead of using the runtime's copy
      --no-minify          do not minify (output may then depend on the layout)
      --sourcemap          write <out.zip>.map beside the zip (never inside it)
      --manifest <file>    write the manifest (files, packages, captures, hashes)
      --analyze            list the largest contributors to the bundle
      --json               print the result as JSON on stdout
  -q, --quiet              print nothing but errors
  -h, --help               print this help
  -v, --version            print the version

Options of invoke:
      --event <file|->     the event as JSON (a file, or - for stdin; default {});
                           repeatable: one invocation each, in order, on one
                           warm instance, one response per line
      --repeat <n>         run the events n times (default 1)
      --handler <file.fn>  the handler (default index.handler)
      --timeout <s>        seconds before the invocation is killed (default 3)
      --memory <MB>        memory size, 128 to 10240 (default 128)
      --env KEY=VALUE      an environment variable of the function (repeatable)
      --name <name>        the function's name (default: the zip's or folder's)
      --json               print the responses as one JSON array

Options of event (each kind reads the ones that fit it):
      --bucket, --key      s3-*: the bucket and object key
      --body <text>        the payload: object content, message, item or detail
                           JSON, log lines, request body
      --path, --method     apigw-*: the request path (with ?query) and method
      --queue, --topic, --table, --stream, --log-group
                           the source's name
      --source, --detail-type
                           eventbridge: the event's source and detail-type
      --count <n>          sqs, dynamodb, kinesis: records in the batch (default 1)
      --region <name>      default us-east-1
      --time <iso|now>     the event's time (default 2024-01-01T00:00:00.000Z)

Options of up, preview, destroy, stack and logs:
  -s, --stack <name>       the stack (default dev); state in .closure-pack/stacks/
  -y, --yes                apply without asking (required without a terminal)
      --diff               show the changed inputs of updates and replacements
      --target local|aws   the local cloud (default) or AWS (credentials and
                           region from the AWS SDK's chain, AWS_ENDPOINT_URL)
      --region <name>      AWS region (--target aws)
      --profile <name>     a profile of the shared AWS config files (--target aws)
      --port <n>           the local cloud's port (default 4566)
      --data <dir>         the local cloud's data (default .closure-pack/cloud/)
      --dir <dir>          stack, logs: the program's folder (default .)
  -f, --follow             logs: keep printing new lines
      --since <duration>   logs: from how long ago, e.g. 30s, 15m, 1h (default 1h)
      --resource <name>    logs: one function only

Options of s3:
      --endpoint-url <url> where S3 is (default $AWS_ENDPOINT_URL, else the local
                           cloud at http://127.0.0.1:4566); credentials and region
                           come from the environment as for the aws CLI

Options of sqs send:
      --group <id>         FIFO: the message group id
      --dedup-id <id>      FIFO: the deduplication id (unless content-based)
      --delay <s>          seconds before the message can be received, 0 to 900
      --attribute N=V      a String message attribute (repeatable)

Options of sns publish:
      --subject <text>     the message's subject
      --attribute N[:T]=V  a message attribute of type T: String (default),
                           Number or String.Array (repeatable)
      --group <id>         FIFO: the message group id
      --dedup-id <id>      FIFO: the deduplication id (unless content-based)

Options of kinesis put:
      --partition-key <k>  required: records of one key go to one shard, in order

Options of events put:
      --source <s>         required: the event's source
      --detail-type <t>    required: the event's detail-type
      --detail <json|->    the detail, a JSON object (default {})
      --bus <name|arn>     the event bus (default: default)
      --resource <arn>     an ARN for the event's resources (repeatable)

Options of logs put (put right after logs; logs alone prints the stack's logs):
      --stream <name>      the log stream, made when missing (default closure-pack);
                           - reads the messages from stdin, one per line

Options of the data commands (sqs send, sns publish, kinesis put, events put,
logs put, dynamodb):
      --endpoint-url <url> where to send (default $AWS_ENDPOINT_URL_<SERVICE> or
                           $AWS_ENDPOINT_URL, else as up and logs: the local
                           cloud serving --data, on whatever port it runs)
  -s, --stack, --dir       a resource may be named as the stack's program names
                           it (default stack dev, the program in .)
      --target, --region, --profile, --port, --data
                           as for up; --json prints the answer as JSON

Exit codes: 0 success, 1 a known error (message printed), 2 a usage error.`;
