// `closure-pack event <kind>`: a sample event on stdout, deterministic unless
// --time now is asked for. The kinds and the flags each reads come from
// @closure-pack/runtime's table; a flag that does not fit is a usage error.
import { EVENT_KINDS, isEventKind, MAX_BATCH_RECORDS, sampleEvent, type SampleEventOptions } from "@closure-pack/runtime";
import type { EventCommand } from "../invoke-args.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { suggest } from "../suggest.js";

export async function runEvent(command: EventCommand, io: Io): Promise<number> {
  const kind = command.eventKind;
  if (!isEventKind(kind)) {
    const meant = suggest(kind, Object.keys(EVENT_KINDS));
    throw new UsageError(
      `unknown event kind ${JSON.stringify(kind)}: must be one of ${Object.keys(EVENT_KINDS).join(", ")}`,
      meant === undefined ? undefined : `did you mean "${meant}"?`,
    );
  }
  const options: SampleEventOptions = {};
  for (const [flag, value] of Object.entries(command.options)) {
    // --detail-type is detailType: the options are the flags in camelCase.
    const option = flag.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) as keyof SampleEventOptions;
    if (option !== "region" && option !== "time" && !EVENT_KINDS[kind].options.includes(option)) {
      throw new UsageError(`option "--${flag}" does not apply to "event ${kind}"`);
    }
    if (option === "count") options.count = countOf(value);
    else options[option] = option === "time" && value === "now" ? new Date().toISOString() : value;
  }
  io.out(`${JSON.stringify(sampleEvent(kind, options), null, 2)}\n`);
  return 0;
}

function countOf(value: string): number {
  const count = Number(value);
  if (value.trim() === "" || !Number.isInteger(count) || count < 1 || count > MAX_BATCH_RECORDS) {
    throw new UsageError(`option "--count" must be a whole number from 1 to ${MAX_BATCH_RECORDS}, got ${JSON.stringify(value)}`);
  }
  return count;
}
