/** Display helpers shared by every page. Pure, so they are unit-tested without a browser. */

/** `0x1234…abcd` for addresses/hashes, unchanged for short ids. */
export function shorten(value: string, head = 6, tail = 4): string {
  if (value.length <= head + tail + 1) return value;
  return `${value.slice(0, head)}…${value.slice(-tail)}`;
}

/** Amounts come from the API as wei strings (18 decimals); BigInt keeps them exact. */
export function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return BigInt(v.trim());
  return 0n;
}

/** Formats wei as OPEN with up to `digits` fraction digits, no float rounding of the integer part. */
export function formatOpen(wei: unknown, digits = 4): string {
  const v = toBigInt(wei);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const whole = a / 10n ** 18n;
  const frac = (a % 10n ** 18n).toString().padStart(18, '0').slice(0, digits).replace(/0+$/, '');
  const w = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${w}${frac ? `.${frac}` : ''} OPEN`;
}

/** Wei to a float in OPEN, for chart geometry only (never for totals shown as text). */
export function weiToNumber(wei: unknown): number {
  const v = toBigInt(wei);
  return Number(v / 10n ** 12n) / 1e6;
}

export function formatInt(v: unknown): string {
  const n = typeof v === 'number' ? v : Number(v ?? 0);
  return Number.isFinite(n) ? n.toLocaleString('en-US') : String(v);
}

/** A share in 0..1 (an accuracy, a rate) as a percentage with one decimal; a non-number as a dash. */
export function formatShare(v: unknown): string {
  const n = typeof v === 'number' ? v : Number.NaN;
  return Number.isFinite(n) ? `${(n * 100).toFixed(1)} %` : '—';
}

/** One attribution's weight (parts per million of that attribution, at most 1,000,000) as a percentage. */
export function formatPpm(ppm: unknown): string {
  const n = Number(ppm ?? 0);
  return `${(n / 10_000).toFixed(2)} %`;
}

/**
 * Influence: a sum of attribution weights over many attributions (a datanet's influencePpm, a contribution's
 * totalWeightPpm), in whole attributions (1,000,000 ppm = one attribution's worth). Never a percentage: the
 * sum exceeds one attribution as soon as it is credited twice. The one definition every page uses.
 */
export function formatInfluence(ppm: unknown): string {
  const v = toBigInt(ppm);
  const whole = v / 1_000_000n;
  const frac = ((v < 0n ? -v : v) % 1_000_000n).toString().padStart(6, '0').slice(0, 2);
  return `${whole.toLocaleString('en-US')}.${frac} attr.`;
}

/** A 1e18 fixed-point value (scores, learning rates) exactly: the shortest decimal, no float rounding. */
export function formatFixed18(v: unknown): string {
  const x = toBigInt(v);
  const a = x < 0n ? -x : x;
  const frac = (a % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
  return `${x < 0n ? '-' : ''}${a / 10n ** 18n}${frac ? `.${frac}` : ''}`;
}

/** Accepts ISO strings, epoch seconds or epoch milliseconds (as numbers or strings). */
export function toDate(v: unknown): Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) {
    const n = Number(v);
    return new Date(n < 1e12 ? n * 1000 : n);
  }
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

export type TimeMode = 'relative' | 'local' | 'utc';

/**
 * How far a chain's clock runs ahead of this browser's, learnt from the time of its latest block (a devnet
 * moves time forward to close challenge windows). Never negative and never shrinking: an old block or a bad
 * value must not move "now" back.
 */
export function chainAheadMs(previous: number, latestBlockTime: unknown, now = Date.now()): number {
  const t = typeof latestBlockTime === 'string' ? Date.parse(latestBlockTime) : Number.NaN;
  return Number.isFinite(t) ? Math.max(previous, t - now, 0) : previous;
}

export function formatTime(v: unknown, mode: TimeMode, now = Date.now()): string {
  const d = toDate(v);
  if (!d) return '—';
  if (mode === 'utc') return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  if (mode === 'local') return d.toLocaleString();
  const s = Math.round((now - d.getTime()) / 1000);
  const abs = Math.abs(s);
  const unit: [number, string][] = [
    [86400 * 365, 'y'],
    [86400 * 30, 'mo'],
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  for (const [sec, name] of unit) {
    if (abs >= sec) {
      const n = Math.floor(abs / sec);
      return s >= 0 ? `${n} ${name} ago` : `in ${n} ${name}`;
    }
  }
  return 'just now';
}
