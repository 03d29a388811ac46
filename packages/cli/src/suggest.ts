// Did-you-mean for a mistyped command, subcommand or flag: the closest known
// name within two edits (a swap of two neighbours counts as one), else the one
// known name the typed text is the start of. Nothing when it is ambiguous.

/** The candidate meant by `typed`, or undefined when none is close or several are. */
export function suggest(typed: string, candidates: readonly string[]): string | undefined {
  if (typed === "") return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  let tied = false;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate);
    if (distance < bestDistance) [best, bestDistance, tied] = [candidate, distance, false];
    else if (distance === bestDistance) tied = true;
  }
  // Two edits turn any two-letter word into any other: only suggest what keeps
  // at least one letter in place.
  if (best !== undefined && !tied && bestDistance < Math.max(typed.length, best.length)) return best;
  const prefixed = candidates.filter((candidate) => candidate.startsWith(typed));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: the distance between a's first i and b's first j characters.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}
