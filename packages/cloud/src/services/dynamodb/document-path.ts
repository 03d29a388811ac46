// Document paths (a.b[2].c) over items: read, write and remove one element,
// and projections (the parts of an item a ProjectionExpression names, lists
// compacted as DynamoDB answers them). Items are copied, never shared.
import { validation } from "./dynamodb-protocol.js";
import type { AttributeValue, Item } from "./attribute-value.js";
import type { Path, PathStep } from "./expression-parser.js";

const invalidPath = () => validation("The document path provided in the update expression is invalid for update");

export function getPath(item: Item, path: Path): AttributeValue | undefined {
  let current: AttributeValue | undefined = { M: item };
  for (const step of path.steps) current = child(current, step);
  return current;
}

function child(value: AttributeValue | undefined, step: PathStep): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if ("name" in step) return "M" in value ? value.M[step.name] : undefined;
  return "L" in value ? value.L[step.index] : undefined;
}

/** The container of the path's last step (a map or a list), or the invalid-path error. */
function parentOf(item: Item, path: Path): AttributeValue {
  const parent = getPath(item, { kind: "path", steps: path.steps.slice(0, -1) });
  if (parent === undefined) throw invalidPath();
  return parent;
}

/** Sets the element at `path`; an index past a list's end appends, as DynamoDB does. */
export function setPath(item: Item, path: Path, value: AttributeValue): void {
  const last = path.steps.at(-1)!;
  const parent = parentOf(item, path);
  if ("name" in last) {
    if (!("M" in parent)) throw invalidPath();
    parent.M[last.name] = value;
  } else {
    if (!("L" in parent)) throw invalidPath();
    if (last.index >= parent.L.length) parent.L.push(value);
    else parent.L[last.index] = value;
  }
}

/** Removes the element at `path`, when there is one (list elements after it move up). */
export function removePath(item: Item, path: Path): void {
  const last = path.steps.at(-1)!;
  const parent = getPath(item, { kind: "path", steps: path.steps.slice(0, -1) });
  if (parent === undefined) return;
  if ("name" in last) {
    if ("M" in parent) delete parent.M[last.name];
    else throw invalidPath();
  } else if ("L" in parent) {
    if (last.index < parent.L.length) parent.L.splice(last.index, 1);
  } else throw invalidPath();
}

/** The parts of `item` that `paths` name. */
export function project(item: Item, paths: readonly Path[]): Item {
  const out: { M: Item } = { M: {} };
  for (const path of paths) {
    const value = getPath(item, path);
    if (value !== undefined) place(out, path.steps, structuredClone(value));
  }
  return compactLists(out.M);
}

// Projected list elements are placed at their index first and compacted at the end.
function place(target: AttributeValue, steps: readonly PathStep[], value: AttributeValue): void {
  const [step, ...rest] = steps as [PathStep, ...PathStep[]];
  const container = "M" in target ? target.M : "L" in target ? (target.L as unknown as Record<number, AttributeValue>) : undefined;
  if (container === undefined) return;
  const key = "name" in step ? step.name : step.index;
  if (rest.length === 0) {
    (container as Record<string | number, AttributeValue>)[key] = value;
    return;
  }
  const existing = (container as Record<string | number, AttributeValue | undefined>)[key];
  const next = existing ?? ("name" in rest[0]! ? { M: {} } : { L: [] });
  (container as Record<string | number, AttributeValue>)[key] = next;
  place(next, rest, value);
}

function compactLists(item: Item): Item {
  const compact = (value: AttributeValue): AttributeValue => {
    if ("M" in value) return { M: compactLists(value.M) };
    if ("L" in value) return { L: value.L.filter((each) => each !== undefined).map(compact) };
    return value;
  };
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, compact(value)]));
}

/** True when one path is the other or leads into it (DynamoDB refuses both in one update). */
export function pathsOverlap(a: Path, b: Path): boolean {
  const length = Math.min(a.steps.length, b.steps.length);
  for (let index = 0; index < length; index++) {
    const left = a.steps[index]!;
    const right = b.steps[index]!;
    if ("name" in left ? !("name" in right) || left.name !== right.name : !("index" in right) || left.index !== right.index) return false;
  }
  return true;
}
