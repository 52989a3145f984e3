/**
 * Characters that change how text is displayed without being visible: bidirectional overrides and
 * isolates (U+202A–202E, U+2066–2069, LRM/RLM/ALM), zero-width characters (U+200B–200D, U+2060, U+FEFF,
 * U+180E), and C0/C1 controls. A chain name containing them can masquerade as another ("evil‮lanigiro")
 * so they are removed before anything reaches the screen.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD]/g;

/** Makes a chain string safe to display as text: no invisible or direction-changing characters. */
export function sanitizeText(value: unknown, maxLength = 200): string {
  if (value === null || value === undefined) return '';
  const s = String(value)
    .replace(INVISIBLE, '')
    .replace(/[\t\n\r]+/g, ' ');
  return s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s;
}

/** True when a string contains something sanitizeText would remove (shown as a warning badge). */
export function hasInvisibleChars(value: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(value);
  INVISIBLE.lastIndex = 0;
  return found;
}
