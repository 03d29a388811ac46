// EventBridge's rules and targets on the default bus: PutRule (an event
// pattern checked by @closure-pack/event-rules with EventBridge's reasons,
// or a schedule expression; updating a rule keeps its creation time, which
// a rate() counts from), DescribeRule, ListRules, Enable/DisableRule,
// DeleteRule (refused while targets remain), PutTargets, RemoveTargets,
// ListTargetsByRule, and a rule's tags by ARN.
import { nextFireTime, parseEventPattern, parseSchedule, RuleError } from "@closure-pack/event-rules";
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import type { EventsCall, EventsAction } from "./events-call.js";
import type { RuleRow } from "./events-store.js";

const MAX_TARGETS = 5;

export const RULE_ACTIONS: Readonly<Record<string, EventsAction>> = {
  PutRule: putRule,
  DescribeRule: (call) => describe(requireRule(call)),
  ListRules: ({ input, store }) => ({ Rules: store.listRules(busOf(input), optional(input, "NamePrefix") ?? "").map(describe) }),
  EnableRule: (call) => setState(call, "ENABLED"),
  DisableRule: (call) => setState(call, "DISABLED"),
  DeleteRule: (call) => {
    const rule = findRule(call);
    if (rule === undefined) return {};
    if (call.store.targetsOf(rule.arn).length > 0) throw new AwsError("ValidationException", "Rule can't be deleted since it has targets.", 400);
    call.store.deleteRule(rule.arn);
    call.scheduler.poke();
    return {};
  },
  PutTargets: putTargets,
  RemoveTargets: (call) => {
    const rule = requireRule(call, "Rule");
    const ids = call.input.Ids;
    if (!Array.isArray(ids) || ids.length === 0) throw validation("Ids");
    call.store.transaction(() => ids.forEach((id) => call.store.removeTarget(rule.arn, String(id))));
    return { FailedEntryCount: 0, FailedEntries: [] };
  },
  TagResource: (call) => {
    const arn = requireArn(call);
    call.store.setTags(arn, { ...call.store.tagsOf(arn), ...tagsOf(call.input.Tags) });
    return {};
  },
  UntagResource: (call) => {
    const arn = requireArn(call);
    const removed = new Set(Array.isArray(call.input.TagKeys) ? call.input.TagKeys.map(String) : []);
    call.store.setTags(arn, Object.fromEntries(Object.entries(call.store.tagsOf(arn)!).filter(([key]) => !removed.has(key))));
    return {};
  },
  ListTagsForResource: (call) => {
    const tags = call.store.tagsOf(requireArn(call))!;
    return {
      Tags: Object.keys(tags)
        .sort()
        .map((Key) => ({ Key, Value: tags[Key] })),
    };
  },
  ListTargetsByRule: (call) => {
    const rule = requireRule(call, "Rule");
    return {
      Targets: call.store.targetsOf(rule.arn).map((target) => ({ Id: target.id, Arn: target.arn, ...(target.input === null ? {} : { Input: target.input }) })),
    };
  },
};

function putRule(call: EventsCall): object {
  const { input, store, now, region } = call;
  const name = required(input, "Name");
  if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw validation("Name");
  const bus = busOf(input);
  const pattern = optional(input, "EventPattern");
  const schedule = optional(input, "ScheduleExpression");
  if (pattern === undefined && schedule === undefined)
    throw new AwsError("ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.", 400);
  if (pattern !== undefined) checkPattern(pattern);
  if (schedule !== undefined) checkSchedule(schedule);
  const state = optional(input, "State") ?? "ENABLED";
  if (state !== "ENABLED" && state !== "DISABLED") throw validation("State");
  const arn = `arn:aws:events:${region}:${ACCOUNT_ID}:rule/${name}`;
  store.transaction(() => {
    const created = store.getRule(arn)?.created ?? now;
    const rule: RuleRow = {
      arn,
      name,
      bus,
      pattern: pattern ?? null,
      schedule: schedule ?? null,
      state,
      description: optional(input, "Description") ?? null,
      created,
      nextFire: null,
    };
    store.putRule({ ...rule, nextFire: firstFire(rule, now) });
    // Tags given to PutRule apply to a new rule only, as on EventBridge.
    if (created === now && Array.isArray(input.Tags)) store.setTags(arn, { ...store.tagsOf(arn), ...tagsOf(input.Tags) });
  });
  call.scheduler.poke();
  return { RuleArn: arn };
}

/** When an enabled schedule rule fires next after `now`; null for the others. */
function firstFire(rule: RuleRow, now: number): number | null {
  if (rule.schedule === null || rule.state !== "ENABLED") return null;
  return nextFireTime(parseSchedule(rule.schedule), now, rule.created) ?? null;
}

function setState(call: EventsCall, state: RuleRow["state"]): object {
  const rule = requireRule(call);
  call.store.putRule({ ...rule, state, nextFire: firstFire({ ...rule, state }, call.now) });
  call.scheduler.poke();
  return {};
}

function putTargets(call: EventsCall): object {
  const rule = requireRule(call, "Rule");
  const targets = call.input.Targets;
  if (!Array.isArray(targets) || targets.length === 0) throw validation("Targets");
  const existing = new Set(call.store.targetsOf(rule.arn).map((target) => target.id));
  const ids = targets.map((target) => String((target as { Id?: unknown }).Id ?? ""));
  if (new Set([...existing, ...ids]).size > MAX_TARGETS)
    throw new AwsError("LimitExceededException", `The requested resource exceeds the maximum number allowed.`, 400);
  call.store.transaction(() => {
    targets.forEach((target: { Id?: unknown; Arn?: unknown; Input?: unknown }, index) => {
      if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(ids[index]!)) throw validation("Targets.Id");
      if (typeof target.Arn !== "string" || !target.Arn.startsWith("arn:")) throw validation("Targets.Arn");
      if (target.Input !== undefined && (typeof target.Input !== "string" || !isJson(target.Input))) throw validation("Targets.Input");
      call.store.putTarget({ ruleArn: rule.arn, id: ids[index]!, arn: target.Arn, input: (target.Input as string | undefined) ?? null });
    });
  });
  return { FailedEntryCount: 0, FailedEntries: [] };
}

function requireArn({ input, store }: EventsCall): string {
  const arn = required(input, "ResourceARN");
  if (store.tagsOf(arn) === undefined)
    throw new AwsError("ResourceNotFoundException", `Rule ${arn.slice(arn.lastIndexOf("/") + 1)} does not exist on EventBus default.`, 400);
  return arn;
}

function tagsOf(list: unknown): Record<string, string> {
  if (!Array.isArray(list)) throw validation("Tags");
  return Object.fromEntries(list.map((tag: { Key?: unknown; Value?: unknown }) => [String(tag.Key ?? ""), String(tag.Value ?? "")]));
}

function describe(rule: RuleRow): object {
  return {
    Name: rule.name,
    Arn: rule.arn,
    ...(rule.pattern === null ? {} : { EventPattern: rule.pattern }),
    ...(rule.schedule === null ? {} : { ScheduleExpression: rule.schedule }),
    State: rule.state,
    ...(rule.description === null ? {} : { Description: rule.description }),
    EventBusName: rule.bus,
    CreatedBy: ACCOUNT_ID,
  };
}

function checkPattern(text: string): void {
  try {
    parseEventPattern(text);
  } catch (error) {
    if (error instanceof RuleError) throw new AwsError("InvalidEventPatternException", `Event pattern is not valid. Reason: ${error.message}`, 400);
    throw error;
  }
}

function checkSchedule(text: string): void {
  try {
    parseSchedule(text);
  } catch (error) {
    if (error instanceof RuleError) throw new AwsError("ValidationException", "Parameter ScheduleExpression is not valid.", 400);
    throw error;
  }
}

function findRule({ input, store, region }: EventsCall, key = "Name"): RuleRow | undefined {
  busOf(input);
  return store.getRule(`arn:aws:events:${region}:${ACCOUNT_ID}:rule/${required(input, key)}`);
}

function requireRule(call: EventsCall, key = "Name"): RuleRow {
  const rule = findRule(call, key);
  if (rule === undefined)
    throw new AwsError("ResourceNotFoundException", `Rule ${String(call.input[key])} does not exist on EventBus ${busOf(call.input)}.`, 400);
  return rule;
}

/** The bus a request names: the default one only (custom buses are not kept). */
export function busOf(input: Record<string, unknown>): string {
  const bus = optional(input, "EventBusName") ?? "default";
  const name = bus.startsWith("arn:") ? bus.slice(bus.lastIndexOf("/") + 1) : bus;
  if (name !== "default") throw new AwsError("ResourceNotFoundException", `Event bus ${name} does not exist.`, 400);
  return name;
}

export function optional(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw validation(key);
  return value;
}

function required(input: Record<string, unknown>, key: string): string {
  const value = optional(input, key);
  if (value === undefined || value === "") throw validation(key);
  return value;
}

function validation(key: string): AwsError {
  return new AwsError("ValidationException", `Parameter ${key} is not valid.`, 400);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
