import { UserError } from '@ae/core';

/** What a pasted or typed search text can mean; every field present is looked up. */
export interface SearchPlan {
  /** `model:3`, `inference #5`, `tx 0xab…`: one entity of a named kind. */
  typed?: { kind: string; id: string };
  /** decimal entity id (also a block height) */
  id?: string;
  /** a whole 20-byte address, lowercase with 0x */
  address?: string;
  /** a whole 32-byte hash, lowercase with 0x */
  hash?: string;
  /** a prefix of an address or hash, lowercase with 0x */
  prefix?: string;
  /** with prefix: the shortened form's tail (`0x1234…abcd`) */
  suffix?: string;
  /** text for datanet and model names */
  name?: string;
}

const TYPED =
  /^(account|address|datanet|model|contribution|inference|attribution|dispute|checkpoint|block|tx|transaction)\s*[:#\s]\s*#?(\S+)$/i;
const SHORT = /^(?:0x)?([0-9a-f]{1,63})\s*(?:…|\.{2,3})\s*([0-9a-f]{1,63})$/;

/**
 * Reads a search text the way people paste it: any case, with or without 0x, whole or as a prefix, the
 * shortened `0x1234…abcd` form every page prints (… or ...), `#12`, `model:3`, or words of a name. Pure, so
 * the property tests cover every form.
 */
export function planSearch(input: string): SearchPlan {
  const text = input.trim();
  if (text.length > 200) throw new UserError('search text too long (200 characters at most)');
  if (!text) return {};
  const typed = TYPED.exec(text);
  if (typed) {
    const kind = typed[1].toLowerCase();
    return {
      typed: {
        kind: kind === 'address' ? 'account' : kind === 'transaction' ? 'tx' : kind,
        id: typed[2].toLowerCase(),
      },
    };
  }
  const lower = text.toLowerCase();
  if (/^#\d{1,30}$/.test(lower)) return { id: lower.slice(1).replace(/^0+(?=\d)/, '') };
  const short = SHORT.exec(lower);
  if (short && (lower.includes('…') || lower.includes('..')))
    return { prefix: `0x${short[1]}`, suffix: short[2] };
  const with0x = lower.startsWith('0x');
  const hex = with0x ? lower.slice(2) : lower;
  if (/^[0-9a-f]+$/.test(hex)) {
    if (hex.length === 40) return { address: `0x${hex}`, prefix: `0x${hex}` };
    if (hex.length === 64) return { hash: `0x${hex}` };
    const plan: SearchPlan = {};
    if (!with0x && /^\d{1,30}$/.test(hex)) plan.id = hex.replace(/^0+(?=\d)/, '');
    // a bare short number is an id, not a hash prefix; bare hex from 3 digits (d0f, 1234) may be either
    if (hex.length < 64 && (with0x ? hex.length >= 1 : hex.length >= (plan.id ? 4 : 3)))
      plan.prefix = `0x${hex}`;
    if (!with0x) plan.name = text;
    return plan;
  }
  if (with0x && lower === '0x') return {};
  return { name: text };
}

/** The smallest string above every string that starts with a lowercase 0x-hex prefix (a btree range's end). */
export function prefixEnd(prefix: string): string {
  const digits = '0123456789abcdef';
  const chars = prefix.slice(2).split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const d = digits.indexOf(chars[i]);
    if (d < 15) return `0x${chars.slice(0, i).join('')}${digits[d + 1]}`;
  }
  return '0y';
}
