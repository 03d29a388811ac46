// cloudwatch.LogSubscriptionFilter: one subscription filter of a log group
// (at most two per group), sending the events its pattern matches to a
// destination (a function's ARN here). CloudWatch keys a filter by its
// group and name, so the physical id is `<group>|<filter name>` (the name
// defaults to `<name>-<7 hex>`); the group or the name replaces it, the
// pattern and destination are updated in place. A pattern CloudWatch would
// refuse is refused when the program loads, naming the offending part.
import { compileFilterPattern, RuleError } from "@closure-pack/event-rules";
import { checkObject, checkString, defined, invalidArgument } from "../core/check.js";
import { isOutput, type Input, type Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";

export interface LogSubscriptionFilterArgs {
  /** The group (a resource) or its name. */
  logGroup: Input<string> | { name: Output<string> };
  /** What the filter sends to: a function's ARN. */
  destinationArn: Input<string>;
  /** A CloudWatch Logs filter pattern; "" matches every event. */
  filterPattern: Input<string>;
  /** The filter's name; default `<name>-<7 hex>`. */
  name?: Input<string>;
  /** Kinesis and Firehose destinations only: the role CloudWatch Logs uses. */
  roleArn?: Input<string>;
  /** Default "ByLogStream". */
  distribution?: "ByLogStream" | "Random";
}

export class LogSubscriptionFilter extends Resource {
  readonly name: Output<string>;

  constructor(name: string, args: LogSubscriptionFilterArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.logSubscriptionFilter, name, read ? {} : filterInputs(name, args), options, ["name"]);
    this.name = this.output("name");
  }

  /** The existing filter `<group>|<filter name>`, read and never changed. */
  static get(name: string, id: Input<string>): LogSubscriptionFilter {
    return new LogSubscriptionFilter(name, { logGroup: "", destinationArn: "", filterPattern: "" }, { readId: id } as ResourceOptions);
  }
}

type Refuse = (problem: string, hint?: string) => Error;

/** The pattern as CloudWatch takes it; a pattern it would refuse throws, naming the offending part. Outputs pass unchecked. */
export function checkFilterPattern(pattern: unknown, refuse: Refuse): Input<string> {
  if (isOutput(pattern)) return pattern as Output<string>;
  if (typeof pattern !== "string")
    throw refuse(
      `"filterPattern" must be a string, got ${JSON.stringify(pattern)}`,
      'e.g. "ERROR", "\\"disk full\\"" or "{ $.level = \\"ERROR\\" }"; "" matches every event',
    );
  if (pattern.length > 1024) throw refuse(`"filterPattern" is ${pattern.length} characters long; CloudWatch takes at most 1024`);
  try {
    compileFilterPattern(pattern);
  } catch (error) {
    if (error instanceof RuleError) throw refuse(`CloudWatch Logs would refuse the filter pattern: ${error.message}`, PATTERN_HINT);
    throw error;
  }
  return pattern;
}

const PATTERN_HINT = 'terms ("ERROR -healthcheck"), a quoted phrase ("\\"disk full\\""), or a JSON selector ("{ $.level = \\"ERROR\\" && $.latency > 100 }")';

function filterInputs(name: string, args: LogSubscriptionFilterArgs): Record<string, unknown> {
  const type = TYPES.logSubscriptionFilter;
  const given = checkObject(type, name, args) as Partial<LogSubscriptionFilterArgs>;
  const refuse = (problem: string, hint?: string) => invalidArgument(type, name, problem, hint);
  if (given.logGroup === undefined) throw refuse(`"logGroup" is required`);
  if (given.destinationArn === undefined) throw refuse(`"destinationArn" is required`);
  if (given.filterPattern === undefined) throw refuse(`"filterPattern" is required`, '"" sends every event');
  checkString(type, name, "destinationArn", given.destinationArn);
  checkString(type, name, "name", given.name);
  checkString(type, name, "roleArn", given.roleArn);
  if (typeof given.name === "string" && (given.name.length > 512 || /[:*]/.test(given.name)))
    throw refuse(`"name" may not hold ":" or "*" (at most 512 characters), got ${JSON.stringify(given.name)}`);
  if (given.distribution !== undefined && given.distribution !== "ByLogStream" && given.distribution !== "Random") {
    throw refuse(`"distribution" must be "ByLogStream" or "Random", got ${JSON.stringify(given.distribution)}`);
  }
  const logGroup = descriptorOf(given.logGroup)?.type === TYPES.logGroup ? (given.logGroup as { name: Output<string> }).name : given.logGroup;
  return defined({
    logGroup,
    name: given.name,
    filterPattern: checkFilterPattern(given.filterPattern, refuse),
    destinationArn: given.destinationArn,
    roleArn: given.roleArn,
    distribution: given.distribution,
  });
}
