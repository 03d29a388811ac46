// aws:cloudwatch:EventTarget through EventBridge. Its id is
// `<rule>|<target id>`, EventBridge's own key of a target: PutTargets
// creates and updates alike (one made before a crash is put again),
// ListTargetsByRule reads, RemoveTargets deletes.
import { eventsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function split(id: string): { rule: string; targetId: string } {
  const at = id.lastIndexOf("|");
  return { rule: id.slice(0, at), targetId: id.slice(at + 1) };
}

async function put(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { rule, targetId } = split(id);
  const target = { Id: targetId, Arn: String(inputs.arn), ...(typeof inputs.input === "string" ? { Input: inputs.input } : {}) };
  const answer = await context.clients.events.send(new (eventsApi().PutTargetsCommand)({ Rule: rule, Targets: [target] }));
  const failed = answer.FailedEntries?.[0];
  if (failed !== undefined) throw Object.assign(new Error(failed.ErrorMessage ?? "PutTargets failed"), { name: failed.ErrorCode ?? "PutTargetsFailed" });
  return { targetId };
}

export const eventTargetProvider: Provider = {
  type: TYPES.eventTarget,
  nameRule: { max: 64 },
  replaceKeys: ["rule", "targetId"],
  identity: (inputs) => `${String(inputs.rule)}|${String(inputs.targetId)}`,
  predict: (_account, _region, id) => ({ targetId: split(id).targetId }),

  async read(context, id) {
    const { rule, targetId } = split(id);
    try {
      const { Targets = [] } = await context.clients.events.send(new (eventsApi().ListTargetsByRuleCommand)({ Rule: rule }));
      return Targets.some((target) => target.Id === targetId) ? { targetId } : undefined;
    } catch (error) {
      if (isNotFound(error, "ResourceNotFoundException")) return undefined;
      throw error;
    }
  },
  create: (context, id, inputs) => put(context, id, inputs),
  update: (context, id, _olds, inputs) => put(context, id, inputs),

  async delete(context, id) {
    const { rule, targetId } = split(id);
    try {
      await context.clients.events.send(new (eventsApi().RemoveTargetsCommand)({ Rule: rule, Ids: [targetId] }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
