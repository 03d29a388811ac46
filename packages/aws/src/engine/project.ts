// The project a program belongs to (part of every physical name's hash):
// the nearest package.json's name above the program, else the program
// file's base name.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";

export function projectName(programFile: string): string {
  for (let dir = dirname(programFile); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
        if (typeof name === "string" && name !== "") return name;
      } catch {
        // An unreadable package.json names nothing; keep looking up.
      }
    }
    if (dirname(dir) === dir) break;
  }
  return basename(programFile, extname(programFile));
}
