import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_LINK_CHARS, readLinkQuery } from './deep-link-query';

const page = (query: string) => new URL(`http://127.0.0.1:4000/${query}`);

describe('readLinkQuery', () => {
  it('has nothing to do without a link', () => {
    expect(readLinkQuery(page(''))).toEqual({ ok: true, value: null });
  });

  it('keeps the + of a link as iTop renders it (raw spaces, encoded once by the browser)', () => {
    const link = 'itop-cti://dial?number=+33 1 23 45 67 89&ticket=R-000002';
    expect(readLinkQuery(page(`?link=${encodeURIComponent(link)}`))).toEqual({ ok: true, value: link });
  });

  it('refuses other schemes, several links and overlong links with a reason', () => {
    expect(readLinkQuery(page('?link=javascript%3Aalert(1)'))).toMatchObject({ ok: false, error: { code: 'web.link-scheme' } });
    expect(readLinkQuery(page('?link=tel%3A1&link=tel%3A2'))).toMatchObject({ ok: false, error: { code: 'web.link-ambiguous' } });
    expect(readLinkQuery(page(`?link=tel%3A${'1'.repeat(MAX_LINK_CHARS)}`))).toMatchObject({ ok: false, error: { code: 'web.link-too-long' } });
  });

  it('never throws and only ever passes a bounded link with an allowed scheme', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000, unit: 'binary' }), (raw) => {
        const r = readLinkQuery(page(`?link=${encodeURIComponent(raw)}`));
        if (r.ok && r.value !== null) {
          expect(r.value.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
          expect(r.value).toMatch(/^(itop-cti|tel|callto|sip):/i);
        }
      }),
    );
  });
});
