import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHref } from './safeHref.js';

describe('safeHref', () => {
  it('only ever returns http(s) URLs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `ipfs://${s}`),
        ),
        (s) => {
          const out = safeHref(s);
          if (out !== null) expect(out).toMatch(/^https?:\/\//);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps web URLs and maps ipfs to the gateway', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), (u) => {
        expect(safeHref(u)).toMatch(/^https?:/);
      }),
    );
    expect(safeHref('ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/meta.json')).toBe(
      'https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/meta.json',
    );
  });

  it('refuses script schemes however they are disguised', () => {
    const cases = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ipfs://x"><script>',
      'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/../../javascript:',
      'https://user:pass@example.com/',
      '//evil.example/x',
      'file:///etc/passwd',
    ];
    for (const c of cases) expect(safeHref(c), c).toBeNull();
    fc.assert(
      fc.property(
        fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'blob'),
        fc.string(),
        (scheme, rest) => {
          expect(safeHref(`${scheme}:${rest}`)).toBeNull();
        },
      ),
    );
  });
});
