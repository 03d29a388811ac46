// The arguments of `closure-pack events put`: --source and --detail-type
// (required, as EventBridge requires them), --detail (a JSON object, or -
// for stdin; default {}), --bus (default the default bus), --resource
// (repeatable), and the data commands' shared flags.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { DATA_OPTIONS, dataFlags, nonEmpty, type DataFlags } from "./data-args.js";
import { UsageError } from "./errors.js";

export interface EventsCommand extends DataFlags {
  kind: "events";
  action: "put";
  source: string;
  detailType: string;
  /** JSON text, or "-" for stdin. */
  detail: string;
  /** A bus name or ARN; undefined: the default bus. */
  bus: string | undefined;
  resources: string[];
}

export const EVENTS_PUT_HELP = {
  name: "events put",
  args: "--source <s> --detail-type <t> [options]",
  summary: "put an event on an EventBridge bus",
  description: "put an event on an EventBridge bus, where its rules match it; prints the event id",
  flags: {
    source: { type: "string", value: "<source>", help: "required: the event's source" },
    "detail-type": { type: "string", value: "<type>", help: "required: the event's detail-type" },
    detail: { type: "string", value: "<json|->", help: "the event's detail, a JSON object, or - for stdin", defaultText: "{}" },
    bus: { type: "string", value: "<name|arn>", help: "the bus, by name or ARN", defaultText: "the default bus" },
    resource: { type: "string", multiple: true, value: "<arn>", help: "an ARN the event is about" },
    ...DATA_OPTIONS,
  },
  examples: [`closure-pack events put --source shop --detail-type "Order Placed" --detail '{"id":"o1"}'`],
} as const satisfies CommandHelp;

export const EVENTS: CommandEntry<EventsCommand> = {
  name: "events",
  summary: EVENTS_PUT_HELP.summary,
  subcommands: [EVENTS_PUT_HELP],
  parse: parseEventsCommand,
};

/** Parses the arguments after `closure-pack events`. */
export function parseEventsCommand(argv: readonly string[]): EventsCommand {
  const [action, ...args] = argv;
  if (action !== "put") throw unknownSubcommand("events", ["put"], action);
  const { values, positionals: rest } = parseFlags(EVENTS_PUT_HELP, args);
  if (rest.length > 0) throw new UsageError(`"events put" takes its event as flags (--source, --detail-type, --detail), got ${rest.join(" ")}`);
  const source = nonEmpty(values.source, "--source");
  const detailType = nonEmpty(values["detail-type"], "--detail-type");
  if (source === undefined) throw new UsageError(`option "--source" is required: the event's source, e.g. --source shop`);
  if (detailType === undefined) throw new UsageError(`option "--detail-type" is required: the event's detail-type, e.g. --detail-type "Order Placed"`);
  return {
    kind: "events",
    action,
    source,
    detailType,
    detail: nonEmpty(values.detail, "--detail") ?? "{}",
    bus: nonEmpty(values.bus, "--bus"),
    resources: (values.resource ?? []).map((each) => nonEmpty(each, "--resource")!),
    ...dataFlags(values),
  };
}
