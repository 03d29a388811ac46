// The `extends` clause of a captured class. Its expression ran once, when the
// class was defined, and the names it read are often not kept by V8 (nothing
// calls them later), so it is replaced by the class's actual parent, walked
// as a value: `class B extends A {}` becomes `class B extends __super {}`.
// This also keeps mixins from being applied a second time.
import type { GraphNode, Slot } from "../../walk/graph.js";
import type { Walker } from "../shared/walk-state.js";
import type { FunctionSyntax } from "../../inspect/function-syntax.js";

export interface Heritage {
  expression: string;
  parent: Slot | undefined;
}

export function walkHeritage(node: GraphNode, fn: Function, syntax: FunctionSyntax, walker: Walker): Heritage {
  const text = syntax.superClassText;
  if (syntax.form !== "class" || text === undefined || text.trim() === "null") return { expression: syntax.expression, parent: undefined };
  const source = syntax.expression;
  const keyword = /\bextends\b/.exec(source);
  const at = keyword ? source.indexOf(text, keyword.index + 7) : -1;
  if (at < 0) return { expression: source, parent: undefined };
  const expression = `${source.slice(0, at)}__super${source.slice(at + text.length)}`;
  const parent = walker.visit(node, Object.getPrototypeOf(fn), { label: ".[[extends]]" }, "create");
  return { expression, parent };
}

/** Free names only the heritage expression reads: they need no binding once it is replaced. */
export function heritageOnlyNames(syntax: FunctionSyntax): Set<string> {
  const text = syntax.superClassText;
  if (syntax.form !== "class" || text === undefined) return new Set();
  const rest = syntax.expression.replace(text, "");
  return new Set(
    syntax.freeNames.filter(
      (name) => new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).test(text) && !new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}\\b`).test(rest),
    ),
  );
}
