/**
 * Suffix array of an integer sequence by prefix doubling with radix sort (Manber–Myers): O(n log n) time,
 * a few Int32Arrays of memory, no comparison sort of suffix strings. Order: lexicographic on token ids,
 * a suffix that is a prefix of another sorts first. Deterministic (no ties: all suffixes differ in length).
 */
export function suffixArray(s: Int32Array): Int32Array {
  const n = s.length;
  const sa = new Int32Array(n);
  if (n === 0) return sa;
  let rank: Int32Array = denseRanks(s);
  let tmp: Int32Array = new Int32Array(n);
  const second = new Int32Array(n);
  let classes = 0;
  for (let i = 0; i < n; i++) if (rank[i] + 1 > classes) classes = rank[i] + 1;
  // first round: counting sort by the first token
  countingSort(rank, identity(n), sa, classes);
  for (let k = 1; classes < n; k <<= 1) {
    // order by the second key (rank at i+k, absent = smallest): the absent ones first, in index order
    let p = 0;
    for (let i = n - k; i < n; i++) second[p++] = i;
    for (let j = 0; j < n; j++) if (sa[j] >= k) second[p++] = sa[j] - k;
    // then stable by the first key
    countingSort(rank, second, sa, classes);
    tmp[sa[0]] = 0;
    let c = 0;
    for (let j = 1; j < n; j++) {
      const a = sa[j - 1];
      const b = sa[j];
      const ra = a + k < n ? rank[a + k] : -1;
      const rb = b + k < n ? rank[b + k] : -1;
      if (rank[a] !== rank[b] || ra !== rb) c++;
      tmp[b] = c;
    }
    [rank, tmp] = [tmp, rank];
    classes = c + 1;
  }
  return sa;
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** Stable counting sort of the indices in `order` by key[index] ∈ [0, classes), written to `out`. */
function countingSort(key: Int32Array, order: Int32Array, out: Int32Array, classes: number): void {
  const count = new Int32Array(classes + 1);
  for (let j = 0; j < order.length; j++) count[key[order[j]] + 1]++;
  for (let c = 1; c <= classes; c++) count[c] += count[c - 1];
  for (let j = 0; j < order.length; j++) out[count[key[order[j]]]++] = order[j];
}

/** Values → their rank among the distinct values (0-based), so counting sorts stay O(n). */
function denseRanks(s: Int32Array): Int32Array {
  const distinct = Int32Array.from(new Set(s)).sort();
  const rankOf = new Map<number, number>();
  distinct.forEach((v, i) => {
    rankOf.set(v, i);
  });
  const r = new Int32Array(s.length);
  for (let i = 0; i < s.length; i++) r[i] = rankOf.get(s[i]) as number;
  return r;
}

/** Compares the suffix at `start` with `pattern` on the pattern's length: <0, 0 (prefix), >0. */
export function compareSuffix(s: Int32Array, start: number, pattern: ArrayLike<number>): number {
  for (let j = 0; j < pattern.length; j++) {
    if (start + j >= s.length) return -1;
    const d = s[start + j] - pattern[j];
    if (d !== 0) return d;
  }
  return 0;
}

/** The SA range [lo, hi) of suffixes starting with `pattern` (binary search: O(|pattern| log n)). */
export function findRange(s: Int32Array, sa: Int32Array, pattern: ArrayLike<number>): [number, number] {
  let lo = 0;
  let hi = sa.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSuffix(s, sa[mid], pattern) < 0) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = sa.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSuffix(s, sa[mid], pattern) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [first, lo];
}

/** The token after depth `d` of the suffix at SA slot i, or -1 past the end. */
function keyAt(s: Int32Array, sa: Int32Array, i: number, d: number): number {
  const p = sa[i] + d;
  return p < s.length ? s[p] : -1;
}

/**
 * Narrows the range of a length-d pattern to the pattern followed by `token` (suffixes in the range share
 * the first d tokens, so their d-th tokens are sorted): two binary searches, O(log n).
 */
export function extendRange(
  s: Int32Array,
  sa: Int32Array,
  [lo0, hi0]: readonly [number, number],
  d: number,
  token: number,
): [number, number] {
  let lo = lo0;
  let hi = hi0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(s, sa, mid, d) < token) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = hi0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(s, sa, mid, d) <= token) lo = mid + 1;
    else hi = mid;
  }
  return [first, lo];
}

/** The distinct d-th tokens in a range with their counts, ascending token id (-1 = end of sequence). */
export function nextTokenCounts(
  s: Int32Array,
  sa: Int32Array,
  [lo, hi]: readonly [number, number],
  d: number,
): { token: number; count: number }[] {
  const out: { token: number; count: number }[] = [];
  let i = lo;
  while (i < hi) {
    const t = keyAt(s, sa, i, d);
    const [, end] = extendRange(s, sa, [i, hi], d, t);
    out.push({ token: t, count: end - i });
    i = end;
  }
  return out;
}
