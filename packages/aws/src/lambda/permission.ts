// lambda.Permission: one statement of a function's resource policy
// (AddPermission), e.g. letting S3 invoke it for one bucket of one account.
// Its statement id is `<name>-<7 hex>` unless given; any change replaces it.
import { checkObject, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";

export interface PermissionArgs {
  /** Default "lambda:InvokeFunction". */
  action?: Input<string>;
  /** The function (a resource) or its name or ARN. */
  function: Input<string> | { name: Output<string> };
  principal: Input<string>;
  sourceArn?: Input<string>;
  sourceAccount?: Input<string>;
  statementId?: Input<string>;
}

export class Permission extends Resource {
  readonly statementId: Output<string>;

  constructor(name: string, args: PermissionArgs, options: ResourceOptions = {}) {
    const given = checkObject(TYPES.permission, name, args) as Partial<PermissionArgs>;
    if (given.function === undefined) throw invalidArgument(TYPES.permission, name, `"function" is required`);
    if (given.principal === undefined) throw invalidArgument(TYPES.permission, name, `"principal" is required`);
    const fn = descriptorOf(given.function)?.type === TYPES.function ? (given.function as { name: Output<string> }).name : given.function;
    const inputs = defined({
      action: given.action ?? "lambda:InvokeFunction",
      function: fn,
      principal: given.principal,
      sourceArn: given.sourceArn,
      sourceAccount: given.sourceAccount,
      statementId: given.statementId,
    });
    super(TYPES.permission, name, inputs, options, ["statementId"]);
    this.statementId = this.output("statementId");
  }

  /** The existing statement `functionName:statementId`, read and never changed. */
  static get(name: string, id: Input<string>): Permission {
    return new Permission(name, { function: "", principal: "" }, { readId: id } as ResourceOptions);
  }
}
