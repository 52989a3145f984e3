import { page } from '$app/state';

/** The name tag of an address (devnet roles, contracts, an operator's list), or null. */
export function nameTagOf(address: string): string | null {
  const tags = (page.data as { nameTags?: Record<string, string> } | undefined)?.nameTags;
  return tags?.[address.toLowerCase()] ?? null;
}
