/** Name tags whose name contains the text (case-insensitive), for the search box. */
export function matchNameTags(
  tags: Record<string, string> | undefined,
  text: string,
  limit = 8,
): { kind: string; id: string; label: string; exact: boolean }[] {
  const t = text.trim().toLowerCase();
  if (!tags || t.length < 2) return [];
  return Object.entries(tags)
    .filter(([, name]) => name.toLowerCase().includes(t))
    .sort(
      ([, a], [, b]) => Number(b.toLowerCase() === t) - Number(a.toLowerCase() === t) || a.length - b.length,
    )
    .slice(0, limit)
    .map(([id, name]) => ({ kind: 'ACCOUNT', id, label: name, exact: name.toLowerCase() === t }));
}
