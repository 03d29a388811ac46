// AWS refuses a notification configuration in which two entries overlap: an
// event type in common (a wildcard such as s3:ObjectCreated:* covers every
// s3:ObjectCreated:… name) and filters that can match the same key (one
// prefix starts the other, one suffix ends the other).

export interface NotificationFilterView {
  events: readonly string[];
  filterPrefix?: unknown;
  filterSuffix?: unknown;
}

export function eventsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => eventCovers(x, y) || eventCovers(y, x)));
}

function eventCovers(wide: string, narrow: string): boolean {
  if (wide === narrow) return true;
  return wide.endsWith(":*") && narrow.startsWith(wide.slice(0, -1));
}

export function filtersOverlap(a: NotificationFilterView, b: NotificationFilterView): boolean {
  return affixesOverlap(a.filterPrefix, b.filterPrefix, (x, y) => x.startsWith(y)) && affixesOverlap(a.filterSuffix, b.filterSuffix, (x, y) => x.endsWith(y));
}

// A filter still unknown (an output) is given the benefit of the doubt: AWS
// itself checks it when the configuration is written.
function affixesOverlap(a: unknown, b: unknown, contains: (x: string, y: string) => boolean): boolean {
  const x = typeof a === "string" ? a : a === undefined ? "" : undefined;
  const y = typeof b === "string" ? b : b === undefined ? "" : undefined;
  if (x === undefined || y === undefined) return false;
  return contains(x, y) || contains(y, x);
}

export function configurationsOverlap(a: NotificationFilterView, b: NotificationFilterView): boolean {
  return eventsOverlap(a.events, b.events) && filtersOverlap(a, b);
}
