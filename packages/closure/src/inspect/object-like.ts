// The values that have identity and properties: objects and functions. The
// module and global indexes hold only these, and an arrow's `this` is one.

export function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}
