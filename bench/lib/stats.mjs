// Shared by every benchmark: the statistics they report and their progress
// lines on stderr (stdout is kept for the tables).

/** @param {string} line */
export function progress(line) {
  process.stderr.write(`${line}\n`);
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
