/**
 * Picks the candidate closest to `input` by edit distance, for "did you mean" hints.
 * Returns undefined when nothing is close enough to be a plausible typo.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  // A typo changes a few characters; containment ("risks" in "identifying-risks") also counts.
  const limit = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
  const contains = needle.length >= 4 && (best.toLowerCase().includes(needle) || needle.includes(best.toLowerCase()));
  return bestDistance <= limit || contains ? best : undefined;
}

/** Optimal string alignment distance (Levenshtein plus transposition of neighbours). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
