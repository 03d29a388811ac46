// The npm package a bare module specifier names: shared by the packager's
// messages and the CLI's entry compiler, which both have to say or find
// which package to install.

/** `lodash/fp` → `lodash`, `@scope/pkg/sub` → `@scope/pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}
