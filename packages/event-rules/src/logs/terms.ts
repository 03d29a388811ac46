// Term patterns: words and "quoted phrases" that must all appear, ?terms of
// which at least one must, and -terms none may; case-sensitive substring
// matching, as CloudWatch does for unstructured messages.
import { RuleError } from "../rule-error.js";

interface Terms {
  all: string[];
  any: string[];
  none: string[];
}

export function compileTerms(text: string): (message: string) => boolean {
  const { all, any, none } = readTerms(text);
  return (message) =>
    all.every((term) => message.includes(term)) &&
    (any.length === 0 || any.some((term) => message.includes(term))) &&
    !none.some((term) => message.includes(term));
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
      if (close === -1) throw new RuleError("INVALID_FILTER_PATTERN", `unmatched quote at position ${at + 1} of ${text}`, "pattern");
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
