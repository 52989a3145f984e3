/**
 * Headers every response of the explorer carries, pages and static assets alike: no MIME sniffing (a
 * script-looking asset is never run as something else) and no referrer leaking entity URLs to linked sites.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
