// The arguments of `closure-pack events put`: --source and --detail-type
// (required, as EventBridge requires them), --detail (a JSON object, or -
// for stdin; default {}), --bus (default the default bus), --resource
// (repeatable), and the data commands' shared flags.
import { DATA_OPTIONS, dataFlags, nonEmpty, parseDataArgs, type DataFlags } from "./data-args.js";
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

const OPTIONS = {
  ...DATA_OPTIONS,
  source: { type: "string" },
  "detail-type": { type: "string" },
  detail: { type: "string" },
  bus: { type: "string" },
  resource: { type: "string", multiple: true },
} as const;

/** Parses the arguments after `closure-pack events`; `help` for -h. */
export function parseEventsCommand(argv: readonly string[]): EventsCommand | { kind: "help" } {
  const { values, positionals } = parseDataArgs("events", argv, OPTIONS);
  if (values.help) return { kind: "help" };
  const [action, ...rest] = positionals;
  if (action !== "put") throw new UsageError(`"events" takes put, got ${action === undefined ? "none" : JSON.stringify(action)}`);
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
