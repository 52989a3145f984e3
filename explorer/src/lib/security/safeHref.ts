/**
 * Turns a URI read from the chain into something safe to put in an href, or null when it must stay
 * plain text. Only http(s) and ipfs are allowed (explorers have been attacked through `javascript:`
 * metadata URIs); ipfs becomes a gateway URL, and only when its CID and path look like a CID and a path.
 */
export function safeHref(uri: unknown, ipfsGateway = 'https://ipfs.io'): string | null {
  if (typeof uri !== 'string') return null;
  const raw = uri.trim();
  if (raw.length === 0 || raw.length > 2048) return null;
  // Browsers strip tabs/newlines inside schemes ("java\tscript:"); refuse anything with controls or spaces.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u0020\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(raw)) return null;
  const ipfs = /^ipfs:\/\/(?:ipfs\/)?([A-Za-z0-9]{10,100})((?:\/[A-Za-z0-9._~-]+)*\/?)$/.exec(raw);
  if (ipfs) return `${ipfsGateway}/ipfs/${ipfs[1]}${ipfs[2]}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
