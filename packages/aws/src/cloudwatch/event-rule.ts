// cloudwatch.EventRule: an EventBridge rule on the default bus, matching
// events by a pattern or firing on a schedule (physical name `<name>-<7 hex>`
// unless `name` is given; a new name replaces it), outputs name and arn.
// The pattern and the schedule are checked with EventBridge's rules
// (@closure-pack/event-rules) when the program loads, naming the offending
// key or field. onEvent subscribes a handler (subscription.ts).
import { parseEventPattern, parseSchedule, RuleError } from "@closure-pack/event-rules";
import { checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import { isOutput, type Input, type Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Handler } from "../lambda/handler.js";
import type { EventRuleEvent } from "./events.js";
import { subscribeRule, type EventRuleEventSubscription } from "./subscription.js";

export interface EventRuleArgs {
  /** The rule's name; default `<name>-<7 hex>`. */
  name?: Input<string>;
  description?: Input<string>;
  /** An event pattern: an object or its JSON text. */
  eventPattern?: Input<string> | Record<string, unknown>;
  /** `rate(5 minutes)` or `cron(0 12 * * ? *)` (six UTC fields). */
  scheduleExpression?: Input<string>;
  /** Default "ENABLED". */
  state?: "ENABLED" | "DISABLED";
  tags?: Tags;
}

export class EventRule extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args?: EventRuleArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.eventRule, name, read ? {} : ruleInputs(name, checkObject(TYPES.eventRule, name, args) as EventRuleArgs), options, ["name", "arn"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
  }

  /** The existing rule named `id` on the default bus, read and never changed. */
  static get(name: string, id: Input<string>): EventRule {
    return new EventRule(name, {}, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` with every event the rule matches (or each time its schedule fires); EventBridge invokes it asynchronously. */
  onEvent(name: string, handler: Handler<EventRuleEvent>): EventRuleEventSubscription {
    return subscribeRule(this, name, handler);
  }
}

function ruleInputs(name: string, given: EventRuleArgs): Record<string, unknown> {
  const type = TYPES.eventRule;
  const refuse = (problem: string, hint?: string) => invalidArgument(type, name, problem, hint);
  checkString(type, name, "name", given.name);
  checkTags(type, name, given.tags);
  if (typeof given.name === "string" && !/^[.\-_A-Za-z0-9]{1,64}$/.test(given.name))
    throw refuse(`"name" may hold letters, digits, ".", "-" and "_" only (1 to 64 characters), got ${JSON.stringify(given.name)}`);
  if (given.eventPattern === undefined && given.scheduleExpression === undefined)
    throw refuse(
      `an event rule needs an "eventPattern" or a "scheduleExpression"`,
      'e.g. scheduleExpression: "rate(5 minutes)", or eventPattern: { source: ["my.app"] }',
    );
  if (given.state !== undefined && given.state !== "ENABLED" && given.state !== "DISABLED")
    throw refuse(`"state" must be "ENABLED" or "DISABLED", got ${JSON.stringify(given.state)}`);
  return defined({
    name: given.name,
    description: given.description,
    eventPattern: patternOf(given.eventPattern, refuse),
    scheduleExpression: scheduleOf(given.scheduleExpression, refuse),
    state: given.state ?? "ENABLED",
    tags: given.tags,
  });
}

type Refuse = (problem: string, hint?: string) => Error;

function patternOf(pattern: EventRuleArgs["eventPattern"], refuse: Refuse): Input<string> | undefined {
  if (pattern === undefined || isOutput(pattern)) return pattern as Input<string> | undefined;
  if (typeof pattern !== "string" && (typeof pattern !== "object" || pattern === null || Array.isArray(pattern)))
    throw refuse(`"eventPattern" must be an object or its JSON text`);
  const text = typeof pattern === "string" ? pattern : JSON.stringify(pattern);
  try {
    parseEventPattern(text);
  } catch (error) {
    if (error instanceof RuleError)
      throw refuse(
        `EventBridge would refuse the event pattern: ${error.message}`,
        'a pattern maps event fields to lists of values and matchers, e.g. { source: ["my.app"], detail: { total: [{ numeric: [">", 100] }] } }',
      );
    throw error;
  }
  return text;
}

function scheduleOf(expression: Input<string> | undefined, refuse: Refuse): Input<string> | undefined {
  if (expression === undefined || isOutput(expression)) return expression;
  try {
    parseSchedule(expression);
  } catch (error) {
    if (error instanceof RuleError)
      throw refuse(
        `"scheduleExpression": ${error.message}`,
        'e.g. "rate(5 minutes)", "rate(1 hour)" or "cron(0 12 * * ? *)" (minutes hours day-of-month month day-of-week year, UTC; ? in one of the two days)',
      );
    throw error;
  }
  return expression;
}
