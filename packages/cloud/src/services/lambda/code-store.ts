// Functions' code on disk: each zip once, named by its SHA-256, under
// `<data>/lambda/code/`. A zip is written to a temporary name, flushed, then
// renamed, before any row names it; so after a kill -9 a row never names a
// half-written file, and a file no row names is removed at the next start.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface StoredCode {
  /** base64 SHA-256, Lambda's CodeSha256. */
  sha256: string;
  size: number;
}

export class CodeStore {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(dataDir, "lambda", "code");
    mkdirSync(this.#dir, { recursive: true });
  }

  /** The zip file of a stored code hash. */
  path(sha256: string): string {
    return join(this.#dir, `${Buffer.from(sha256, "base64").toString("hex")}.zip`);
  }

  /** Stores `zip` (a no-op when the same bytes are already there). */
  write(zip: Buffer): StoredCode {
    const sha256 = createHash("sha256").update(zip).digest("base64");
    const target = this.path(sha256);
    if (!existsSync(target)) {
      const temp = join(this.#dir, `.partial-${randomBytes(6).toString("hex")}`);
      const fd = openSync(temp, "w");
      try {
        for (let offset = 0; offset < zip.length;) offset += writeSync(fd, zip, offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
    }
    return { sha256, size: zip.length };
  }

  /** Removes every zip whose hash is not in `keep`, and leftovers of interrupted writes. */
  collect(keep: ReadonlySet<string>): void {
    const kept = new Set([...keep].map((sha256) => `${Buffer.from(sha256, "base64").toString("hex")}.zip`));
    for (const file of readdirSync(this.#dir)) {
      if (!kept.has(file)) rmSync(join(this.#dir, file), { force: true });
    }
  }
}
