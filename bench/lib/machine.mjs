// What a benchmark ran on: commit, Node version, CPU. Printed at the top of
// every run so figures are never read without their context (STYLE.md §7).
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

function git(args, cwd) {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
}

/** The short commit, "uncommitted" before the first commit, and whether the tree is dirty. */
export function describeCommit(cwd) {
  let commit;
  try {
    commit = git(["rev-parse", "--short", "HEAD"], cwd);
  } catch {
    return "uncommitted";
  }
  try {
    if (git(["status", "--porcelain"], cwd) !== "") return `${commit} + uncommitted changes`;
  } catch {
    // No status is no reason to hide the commit.
  }
  return commit;
}

/** The commit, Node version and machine, each as one phrase. */
export function machineFacts(cwd) {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = (totalmem() / 2 ** 30).toFixed(0);
  return {
    commit: describeCommit(cwd),
    node: `${process.version} (${process.platform}-${process.arch})`,
    machine: `${model}, ${cores.length} cores, ${memoryGiB} GiB`,
  };
}

/** Lines to print above any figures. */
export function describeMachine(cwd) {
  const { commit, node, machine } = machineFacts(cwd);
  return [`commit:  ${commit}`, `node:    ${node}`, `machine: ${machine}`];
}
