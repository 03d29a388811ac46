// cloudwatch.EventTarget: one target of a rule (a function's ARN here).
// EventBridge keys a target by its rule and id, so the physical id is
// `<rule>|<target id>` (the id defaults to the resource's name); the rule
// or the id replaces it, the ARN and input are updated in place.
import { checkObject, checkString, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";

export interface EventTargetArgs {
  /** The rule (a resource) or its name. */
  rule: Input<string> | { name: Output<string> };
  /** What the rule sends to: a function's ARN. */
  arn: Input<string>;
  /** Default the resource's name. */
  targetId?: string;
  /** Constant JSON sent instead of the event. */
  input?: Input<string>;
}

export class EventTarget extends Resource {
  readonly targetId: Output<string>;

  constructor(name: string, args: EventTargetArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.eventTarget, name, read ? {} : targetInputs(name, args), options, ["targetId"]);
    this.targetId = this.output("targetId");
  }

  /** The existing target `<rule>|<target id>`, read and never changed. */
  static get(name: string, id: Input<string>): EventTarget {
    return new EventTarget(name, { rule: "", arn: "" }, { readId: id } as ResourceOptions);
  }
}

function targetInputs(name: string, args: EventTargetArgs): Record<string, unknown> {
  const type = TYPES.eventTarget;
  const given = checkObject(type, name, args) as Partial<EventTargetArgs>;
  if (given.rule === undefined) throw invalidArgument(type, name, `"rule" is required`);
  if (given.arn === undefined) throw invalidArgument(type, name, `"arn" is required`);
  checkString(type, name, "arn", given.arn);
  const targetId = given.targetId ?? name;
  if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(targetId))
    throw invalidArgument(type, name, `"targetId" may hold letters, digits, ".", "-" and "_" only (1 to 64 characters), got ${JSON.stringify(targetId)}`);
  const rule = descriptorOf(given.rule)?.type === TYPES.eventRule ? (given.rule as { name: Output<string> }).name : given.rule;
  return defined({ rule, arn: given.arn, targetId, input: given.input });
}
