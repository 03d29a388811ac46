// CloudWatch Logs filter patterns for unstructured messages: terms (all must
// appear), "quoted phrases", ?terms (at least one of them must appear) and
// -terms (none may appear); matching is case-sensitive and by substring, as
// in CloudWatch. JSON (`{ $.level = "ERROR" }`) and space-delimited (`[a, b]`)
// patterns are parsed here too once they are supported (issue 13).
import { AwsError } from "../../errors.js";

export type MessageFilter = (message: string) => boolean;

interface Terms {
  all: string[];
  any: string[];
  none: string[];
}

/** The filter of `pattern` (every message passes an empty one); InvalidParameterException when it cannot be read. */
export function compileFilterPattern(pattern: string | undefined): MessageFilter {
  const text = (pattern ?? "").trim();
  if (text === "") return () => true;
  if (text.startsWith("{") || text.startsWith("[")) {
    throw new AwsError("InvalidParameterException", `the local cloud does not support JSON or space-delimited filter patterns yet: ${text}`, 400);
  }
  const { all, any, none } = readTerms(text);
  return (message) =>
    all.every((term) => message.includes(term)) && (any.length === 0 || any.some((term) => message.includes(term))) && !none.some((term) => message.includes(term));
}

function readTerms(text: string): Terms {
  const terms: Terms = { all: [], any: [], none: [] };
  let at = 0;
  while (at < text.length) {
    if (text[at] === " ") {
      at += 1;
      continue;
    }
    const prefix = text[at] === "?" || text[at] === "-" ? text[at++] : "";
    let term: string;
    if (text[at] === '"') {
      const close = text.indexOf('"', at + 1);
      if (close === -1) throw new AwsError("InvalidParameterException", `Invalid filter pattern: unmatched quote in ${text}`, 400);
      term = text.slice(at + 1, close);
      at = close + 1;
    } else {
      const space = text.indexOf(" ", at);
      const stop = space === -1 ? text.length : space;
      term = text.slice(at, stop);
      at = stop;
    }
    if (term === "") continue;
    (prefix === "?" ? terms.any : prefix === "-" ? terms.none : terms.all).push(term);
  }
  return terms;
}
