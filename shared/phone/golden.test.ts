import { describe, expect, it } from 'vitest';
import { GOLDEN_CORPUS, type GoldenCase } from './golden-corpus';
import { isKnownRegion } from './metadata';
import { normalizeIncoming, normalizeStored } from './normalize';
import { PhoneOptionsSchema } from './options';
import type { NormalizedNumber } from './types';

function run(c: GoldenCase): NormalizedNumber {
  if (!isKnownRegion(c.region)) throw new Error(`golden case "${c.input}" names unknown region ${c.region}`);
  if (c.via === 'stored') return normalizeStored(c.input, c.region);
  return normalizeIncoming(c.input, PhoneOptionsSchema.parse({ defaultRegion: c.region, ...c.opts }));
}

describe('golden corpus', () => {
  it('is large and covers every region the team supports', () => {
    expect(GOLDEN_CORPUS.length).toBeGreaterThanOrEqual(80);
    for (const region of ['FR', 'DE', 'GB', 'US', 'CH', 'BE']) {
      expect(GOLDEN_CORPUS.some((c) => c.region === region && c.kind === 'external')).toBe(true);
    }
  });

  it.each(GOLDEN_CORPUS.map((c) => [`${c.via} ${c.region} ${JSON.stringify(c.input)} — ${c.why}`, c] as const))('%s', (_, c) => {
    const result = run(c);
    expect(result.kind).toBe(c.kind);
    if (result.kind === 'external') {
      expect(result.e164).toBe(c.e164);
      if (c.national !== undefined) expect(result.national).toBe(c.national);
      expect(result.ext).toBe(c.ext);
      if (c.route !== undefined) expect(result.route).toBe(c.route);
      expect(result.alternative).toBe(c.alternative);
      expect(result.digits).toBe(result.e164.slice(1));
      expect(result.e164.endsWith(result.nsn)).toBe(true);
    }
    if (result.kind === 'internal') expect(result.extension).toBe(c.extension);
    if (result.kind === 'invalid' || result.kind === 'unfilled-macro') expect(result.raw).toBe(c.input);
  });
});
