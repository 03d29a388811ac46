// @ts-check
// console.* as Lambda's Node.js runtime writes it: one line per call on
// stdout, `<ISO time>\t<requestId>\t<LEVEL>\t<message>`, newlines inside the
// message as \r so a multi-line message stays one log event. The end marker
// tells the parent that every line of an invocation has been written.
import { format } from "node:util";

// Must match END_MARKER in src/output-lines.ts.
const END_MARKER = "\u001eclosure-pack:end\t";

/** @type {string | undefined} */
let requestId = undefined;

/** @param {string} id the request whose lines follow */
export function setRequestId(id) {
  requestId = id;
}

/**
 * @param {string} level
 * @returns {(...args: unknown[]) => void}
 */
function writer(level) {
  return (...args) => {
    const message = format(...args).replace(/\n/g, "\r");
    process.stdout.write(`${new Date().toISOString()}\t${requestId}\t${level}\t${message}\n`);
  };
}

export function patchConsole() {
  console.log = writer("INFO");
  console.info = writer("INFO");
  console.warn = writer("WARN");
  console.error = writer("ERROR");
  console.debug = writer("DEBUG");
  const trace = writer("TRACE");
  console.trace = (...args) => trace(`Trace: ${format(...args)}\n${new Error().stack?.split("\n").slice(2).join("\n") ?? ""}`);
  // Lambda's runtime adds console.fatal, which Node's Console lacks.
  /** @type {Console & { fatal?: (...args: unknown[]) => void }} */ (console).fatal = writer("FATAL");
}

/**
 * After an invocation's last line: the parent reads both streams up to here before END.
 * @param {string} id
 */
export function writeEndMarker(id) {
  const maxRssKB = process.resourceUsage().maxRSS;
  process.stdout.write(`${END_MARKER}${id}\t${maxRssKB}\n`);
  process.stderr.write(`${END_MARKER}${id}\n`);
}
