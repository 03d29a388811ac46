// Public API of @closure-pack/aws/engine: what the CLI drives (plan, apply,
// state, logs). A program imports the SDK entry instead.
export { Deployment, type DeploymentOptions } from "./engine/deployment.js";
export { collectProgram, type Program } from "./engine/program.js";
export type { Plan, PlanStep, StepKind } from "./engine/plan.js";
export type { StepStatus } from "./engine/apply.js";
export { showChange, showValue } from "./engine/diff.js";
export { projectName } from "./engine/project.js";
export { readState, listStacks, statePath, type StackState, type ResourceState } from "./engine/state.js";
export { localTarget, targetLabel, LOCAL_REGION, LOCAL_CREDENTIALS, type Target } from "./provider/target.js";
export { DEFAULT_MAX_ATTEMPTS } from "./provider/retry-policy.js";
export { configuredRegion } from "./provider/region.js";
export { createProviderContext, type ProviderContext, type ProviderOptions, type CallObserver } from "./provider/context.js";
export { takeResources } from "./core/registry.js";
export { AwsError, type AwsErrorCode } from "./errors.js";
export { TYPES } from "./core/types.js";
export { readLogLines, type LogLine, type LogSource } from "./engine/logs.js";
