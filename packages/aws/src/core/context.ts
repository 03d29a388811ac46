// Outputs of the deployment itself: the account, region, stack and project.
import { contextOutput, type Output } from "./output.js";

export function getAccountId(): Output<string> {
  return contextOutput("accountId");
}
export function getRegion(): Output<string> {
  return contextOutput("region");
}
export function getStack(): Output<string> {
  return contextOutput("stack");
}
export function getProject(): Output<string> {
  return contextOutput("project");
}
