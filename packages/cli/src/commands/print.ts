// `closure-pack print <entry>`: the serialized module on stdout, nothing else,
// so it can be piped or diffed.
import type { Io } from "../io.js";
import { serializeEntry } from "../serialize-entry.js";
import type { ModuleFormat } from "../args.js";

export async function runPrint(command: { entry: string; exportName: string; format: ModuleFormat; loadTimeout: number }, io: Io): Promise<number> {
  const { text } = await serializeEntry({
    entry: command.entry,
    exportName: command.exportName,
    format: command.format,
    cwd: io.cwd,
    loadTimeout: command.loadTimeout,
  });
  io.out(text.endsWith("\n") ? text : `${text}\n`);
  return 0;
}
