// One command's session with a stack: the lock, the state (with a crashed
// run's pending operations resolved), the provider context for its target,
// and plan / apply / destroy over them. The CLI drives this.
import { AwsError, describeResource } from "../errors.js";
import { cloudError } from "./cloud-error.js";
import { createProviderContext, type ProviderContext, type ProviderOptions } from "../provider/context.js";
import type { ApplyContext } from "../provider/provider.js";
import { providerFor } from "../provider/providers.js";
import { targetLabel, type Target } from "../provider/target.js";
import { applyPlan, type StepStatus } from "./apply.js";
import { createCodeCache, type CodeCache } from "./code-cache.js";
import { functionCode } from "./function-code.js";
import { Journal } from "./journal.js";
import { acquireLock, type StackLock } from "./lock.js";
import type { NamingContext } from "./naming.js";
import { makePlan, type Plan, type PlanStep } from "./plan.js";
import { collectProgram, type Program } from "./program.js";
import { recoverPending } from "./recover.js";
import { emptyState, readState, type StackState } from "./state.js";
import { stackOutputs } from "./stack-outputs.js";

export interface DeploymentOptions {
  /** The program's folder: .closure-pack/ is here. */
  projectDir: string;
  project: string;
  stack: string;
  target: Target;
  /** Names the lock holder, e.g. "closure-pack up". */
  command: string;
  /** Take the lock and resolve pending operations (every command that may change something). */
  mutating: boolean;
  providerOptions?: ProviderOptions;
  concurrency?: number;
}

export class Deployment {
  private constructor(
    readonly options: DeploymentOptions,
    readonly state: StackState,
    readonly context: ProviderContext,
    readonly naming: NamingContext,
    private readonly lock: StackLock | undefined,
    private readonly cache: CodeCache,
    /** Operations of a crashed run resolved on opening. */
    readonly recovered: number,
  ) {}

  static async open(options: DeploymentOptions): Promise<Deployment> {
    const lock = options.mutating ? acquireLock(options.projectDir, options.stack, options.command) : undefined;
    const context = createProviderContext(options.target, options, options.providerOptions);
    try {
      const state = readState(options.projectDir, options.stack) ?? emptyState(options.stack, targetLabel(options.target));
      checkTarget(state, options.target);
      const accountId = await context.accountId().catch((error: unknown) => {
        throw cloudError(`target ${targetLabel(options.target)}`, "reading the account (STS GetCallerIdentity)", error);
      });
      const naming = { accountId, region: options.target.region, project: options.project, stack: options.stack };
      const cache = createCodeCache(options.projectDir);
      const deployment = new Deployment(options, state, context, naming, lock, cache, 0);
      const recovered =
        options.mutating && state.pending.length > 0 ? await recoverPending(deployment.journal(), providerFor, (name) => deployment.contextFor(name)) : 0;
      return Object.assign(deployment, { recovered });
    } catch (error) {
      context.destroy();
      lock?.release();
      throw error;
    }
  }

  /** The plan for the resources the loaded program registered (none: destroy). */
  plan(program: Program = collectProgram()): Promise<Plan> {
    return makePlan({
      program,
      state: this.state,
      naming: this.naming,
      providerFor,
      read: (type, id, name) =>
        providerFor(type)
          .read(this.contextFor(name), id, {})
          .catch((error: unknown) => {
            throw cloudError(describeResource(type, name), "read", error);
          }),
      code: (nodes, values) => functionCode(nodes, values, this.cache),
    });
  }

  /** Applies the plan and records the stack outputs; resolves to them. */
  async apply(plan: Plan, exports: Record<string, unknown>, onStep?: (step: PlanStep, status: StepStatus) => void): Promise<Record<string, unknown>> {
    const journal = this.journal();
    await applyPlan({
      plan,
      journal,
      providerFor,
      contextFor: (name) => this.contextFor(name),
      codeAtApply: async (step) => String((await functionCode([step.node!], plan.values, this.cache)).get(step.key)?.hash),
      concurrency: Number(process.env.CLOSURE_PACK_TEST_KILL_POINT ?? 0) > 0 ? 1 : (this.options.concurrency ?? 4),
      ...(onStep === undefined ? {} : { onStep }),
    });
    const outputs = stackOutputs(exports, plan.values);
    journal.change((state) => {
      state.outputs = outputs;
    });
    return outputs;
  }

  contextFor(name: string): ApplyContext {
    return { ...this.context, name, artifact: (hash) => this.cache.artifact(hash) };
  }

  close(): void {
    this.context.destroy();
    this.lock?.release();
  }

  private journal(): Journal {
    return new Journal(this.options.projectDir, this.state);
  }
}

function checkTarget(state: StackState, target: Target): void {
  if (state.target === targetLabel(target)) return;
  throw new AwsError("TARGET_MISMATCH", `stack "${state.stack}"`, `was deployed to ${state.target}, not ${targetLabel(target)}`, {
    hint: `deploy it to ${state.target} again, or use another --stack for ${targetLabel(target)}`,
  });
}
