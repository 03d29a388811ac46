// Applies an update expression to an item as UpdateItem does: every
// operand is read from the item as it was before the update, then SET,
// REMOVE, ADD and DELETE are applied; key attributes cannot change, and two
// actions on overlapping paths are refused.
import { payloadOf, setHas, typeOf, type AttributeValue, type Item } from "./attribute-value.js";
import { validation } from "./dynamodb-protocol.js";
import { getPath, pathsOverlap, removePath, setPath } from "./document-path.js";
import { pathText, type Operand, type Path, type UpdateActions } from "./expression-parser.js";
import { addNumbers, subtractNumbers } from "./numbers.js";

const wrongType = () => validation("An operand in the update expression has an incorrect data type");
const TYPE_WORDS: Readonly<Record<string, string>> = {
  S: "STRING",
  N: "NUMBER",
  B: "BINARY",
  BOOL: "BOOLEAN",
  NULL: "NULL",
  M: "MAP",
  L: "LIST",
  SS: "SET",
  NS: "SET",
  BS: "SET",
};

/** The item after `actions` (a new object) and the paths they changed. */
export function applyUpdate(before: Item, actions: UpdateActions, values: Readonly<Item>, keyNames: readonly string[]): { item: Item; paths: Path[] } {
  const paths = [
    ...actions.set.map((each) => each.path),
    ...actions.remove,
    ...actions.add.map((each) => each.path),
    ...actions.delete.map((each) => each.path),
  ];
  checkPaths(paths, keyNames);
  const assignments = actions.set.map(({ path, value }) => ({ path, value: updateValue(value, before, values) }));
  const item = structuredClone(before);
  for (const { path, value } of assignments) setPath(item, path, value);
  // Removing list elements from the highest index keeps the lower indexes meaning what they said.
  const removals = [...actions.remove].sort((a, b) => lastIndex(b) - lastIndex(a));
  for (const path of removals) removePath(item, path);
  for (const { path, value } of actions.add) add(item, path, values[(value as { name: string }).name]!);
  for (const { path, value } of actions.delete) remove(item, path, values[(value as { name: string }).name]!);
  return { item, paths };
}

function lastIndex(path: Path): number {
  const last = path.steps.at(-1)!;
  return "index" in last ? last.index : -1;
}

function checkPaths(paths: readonly Path[], keyNames: readonly string[]): void {
  for (const path of paths) {
    const first = path.steps[0]!;
    if ("name" in first && keyNames.includes(first.name))
      throw validation(`One or more parameter values were invalid: Cannot update attribute ${first.name}. This attribute is part of the key`);
  }
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      if (pathsOverlap(paths[i]!, paths[j]!)) {
        throw validation(
          `Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${pathText(paths[i]!)}, path two: ${pathText(paths[j]!)}`,
        );
      }
    }
  }
}

function updateValue(operand: Operand, item: Item, values: Readonly<Item>): AttributeValue {
  switch (operand.kind) {
    case "value":
      return values[operand.name]!;
    case "path": {
      const value = getPath(item, operand);
      if (value === undefined) throw validation("The provided expression refers to an attribute that does not exist in the item");
      return value;
    }
    case "if_not_exists":
      return getPath(item, operand.path) ?? updateValue(operand.fallback, item, values);
    case "list_append": {
      const first = updateValue(operand.first, item, values);
      const second = updateValue(operand.second, item, values);
      if (!("L" in first) || !("L" in second)) throw wrongType();
      return { L: [...first.L, ...second.L] };
    }
    case "arithmetic": {
      const left = updateValue(operand.left, item, values);
      const right = updateValue(operand.right, item, values);
      if (!("N" in left) || !("N" in right)) throw wrongType();
      return { N: operand.op === "+" ? addNumbers(left.N, right.N) : subtractNumbers(left.N, right.N) };
    }
    case "size":
      throw wrongType();
  }
}

function operandTypeError(operator: string, value: AttributeValue): Error {
  return validation(
    `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ${operator}, operand type: ${TYPE_WORDS[typeOf(value)]}`,
  );
}

function add(item: Item, path: Path, value: AttributeValue): void {
  const type = typeOf(value);
  if (type !== "N" && type !== "SS" && type !== "NS" && type !== "BS") throw operandTypeError("ADD", value);
  const existing = getPath(item, path);
  if (existing === undefined) return setPath(item, path, value);
  if (typeOf(existing) !== type) throw wrongType();
  if ("N" in existing) return setPath(item, path, { N: addNumbers(existing.N, (value as { N: string }).N) });
  const members = [...(payloadOf(existing) as string[])];
  for (const member of payloadOf(value) as string[]) if (!setHas(type, members, member)) members.push(member);
  setPath(item, path, { [type]: members } as AttributeValue);
}

function remove(item: Item, path: Path, value: AttributeValue): void {
  const type = typeOf(value);
  if (type !== "SS" && type !== "NS" && type !== "BS") throw operandTypeError("DELETE", value);
  const existing = getPath(item, path);
  if (existing === undefined) return;
  if (typeOf(existing) !== type) throw wrongType();
  const removed = payloadOf(value) as string[];
  const left = (payloadOf(existing) as string[]).filter((member) => !setHas(type, removed, member));
  // A set cannot be empty: deleting its last members deletes the attribute.
  if (left.length === 0) removePath(item, path);
  else setPath(item, path, { [type]: left } as AttributeValue);
}
