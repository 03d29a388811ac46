// aws:lambda:Function through Lambda: CreateFunction (retried while a new
// role is not yet assumable), GetFunction to read, UpdateFunctionCode only
// when the CodeSha256 Lambda reports differs from the package's, then
// UpdateFunctionConfiguration once the code update is Successful, TagResource,
// DeleteFunction.
import { lambdaApi } from "./sdk.js";
import type { Runtime } from "@aws-sdk/client-lambda";
import { TYPES } from "../core/types.js";
import { changedKeys } from "../engine/diff.js";
import { errorCode, isNotFound, isOwnResource, nameTaken, resourceTags, retrying, sleep } from "./calls.js";
import type { ApplyContext, Outputs, Provider } from "./provider.js";

function arnOf(account: string, region: string, id: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${id}`;
}

/** The configuration fields of CreateFunction / UpdateFunctionConfiguration. */
function configuration(inputs: Record<string, unknown>) {
  return {
    Role: String(inputs.role),
    Handler: String(inputs.handler),
    Runtime: String(inputs.runtime) as Runtime,
    MemorySize: Number(inputs.memorySize),
    Timeout: Number(inputs.timeout),
    Description: typeof inputs.description === "string" ? inputs.description : "",
    Environment: { Variables: (inputs.environment as Record<string, string> | undefined) ?? {} },
  };
}

// "The role defined for the function cannot be assumed by Lambda": IAM has
// not yet propagated a role made seconds ago.
function isRoleNotReady(error: unknown): boolean {
  return errorCode(error) === "InvalidParameterValueException" && /role|assume/i.test(String((error as Error).message));
}

function isUpdateInProgress(error: unknown): boolean {
  return errorCode(error) === "ResourceConflictException";
}

export const functionProvider: Provider = {
  type: TYPES.function,
  nameRule: { max: 64 },
  replaceKeys: ["name"],
  secretInputs: ["environment"],
  identity: (inputs, generated) => (typeof inputs.name === "string" ? inputs.name : generated),
  predict: (account, region, id) => ({ name: id, arn: arnOf(account, region, id) }),

  isOwn: async (context, id) => isOwnResource(context, (await context.clients.lambda.send(new (lambdaApi().GetFunctionCommand)({ FunctionName: id }))).Tags),

  async read(context, id) {
    try {
      const { Configuration } = await context.clients.lambda.send(new (lambdaApi().GetFunctionCommand)({ FunctionName: id }));
      return { name: id, arn: Configuration!.FunctionArn, codeSha256: Configuration!.CodeSha256 };
    } catch (error) {
      if (isNotFound(error, "ResourceNotFoundException")) return undefined;
      throw error;
    }
  },

  async create(context, id, inputs) {
    const artifact = await context.artifact(String(inputs.code));
    try {
      const made = await retrying(context, isRoleNotReady, () =>
        context.clients.lambda.send(
          new (lambdaApi().CreateFunctionCommand)({
            FunctionName: id,
            Code: { ZipFile: artifact.zip },
            ...configuration(inputs),
            Tags: resourceTags(context, inputs.tags),
          }),
        ),
      );
      return { name: id, arn: made.FunctionArn, codeSha256: made.CodeSha256 };
    } catch (error) {
      if (errorCode(error) !== "ResourceConflictException") throw error;
      // Made by a run of this stack cut short: bring it up to date. Else the name is taken.
      const { Tags } = await context.clients.lambda.send(new (lambdaApi().GetFunctionCommand)({ FunctionName: id }));
      if (!isOwnResource(context, Tags)) throw nameTaken(error);
      return functionProvider.update(context, id, {}, inputs, {});
    }
  },

  async update(context, id, olds, inputs) {
    const lambda = context.clients.lambda;
    const artifact = await context.artifact(String(inputs.code));
    const current = await lambda.send(new (lambdaApi().GetFunctionConfigurationCommand)({ FunctionName: id }));
    let arn = current.FunctionArn;
    let sha = current.CodeSha256;
    if (sha !== artifact.codeSha256) {
      const updated = await retrying(context, isUpdateInProgress, () =>
        lambda.send(new (lambdaApi().UpdateFunctionCodeCommand)({ FunctionName: id, ZipFile: artifact.zip })),
      );
      sha = updated.CodeSha256;
      arn = updated.FunctionArn;
      await waitUntilUpdated(context, id);
    }
    if (hasConfigurationChange(olds, inputs)) {
      await retrying(context, isUpdateInProgress, () =>
        lambda.send(new (lambdaApi().UpdateFunctionConfigurationCommand)({ FunctionName: id, ...configuration(inputs) })),
      );
      await waitUntilUpdated(context, id);
    }
    if (Object.keys(olds).length === 0 || JSON.stringify(olds.tags) !== JSON.stringify(inputs.tags)) {
      await lambda.send(new (lambdaApi().TagResourceCommand)({ Resource: arn!, Tags: resourceTags(context, inputs.tags) }));
    }
    return { name: id, arn, codeSha256: sha };
  },

  async delete(context, id) {
    try {
      await context.clients.lambda.send(new (lambdaApi().DeleteFunctionCommand)({ FunctionName: id }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};

const CONFIGURATION_KEYS = ["role", "handler", "runtime", "memorySize", "timeout", "description", "environment"];

/** Any configuration field changed (`environment` may be sealed in `olds`); an empty `olds` (a crash repair) always updates. */
function hasConfigurationChange(olds: Record<string, unknown>, inputs: Record<string, unknown>): boolean {
  if (Object.keys(olds).length === 0) return true;
  const pick = (from: Record<string, unknown>) => Object.fromEntries(CONFIGURATION_KEYS.map((key) => [key, from[key]]));
  return changedKeys(pick(olds), pick(inputs)).length > 0;
}

/** Waits while LastUpdateStatus is InProgress (ResourceConflictException follows otherwise). */
async function waitUntilUpdated(context: ApplyContext, id: string): Promise<Outputs> {
  for (let attempt = 0; ; attempt++) {
    const current = await context.clients.lambda.send(new (lambdaApi().GetFunctionConfigurationCommand)({ FunctionName: id }));
    const status = current.LastUpdateStatus;
    if (status === undefined || status === "Successful" || attempt >= context.retries) return {};
    if (status === "Failed") throw new Error(`the update of function ${id} failed: ${current.LastUpdateStatusReason ?? "no reason given"}`);
    await sleep(context.retryDelayMs);
  }
}
