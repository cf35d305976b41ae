import { describe, expect, it } from 'vitest';
import { benchCorpus, benchNormalize } from './bench';
import { explainNormalization, normalizeIncoming, normalizeStored } from './normalize';
import { PhoneOptionsSchema } from './options';

const opts = (input: object) => PhoneOptionsSchema.parse(input);

describe('explainNormalization', () => {
  it('says what it did with the §5.2 trap and keeps the other reading', () => {
    const { steps, result } = explainNormalization('381629759787', opts({ defaultRegion: 'DE' }));
    expect(result).toMatchObject({ kind: 'external', e164: '+381629759787', alternative: '+49381629759787' });
    expect(steps.join('\n')).toMatch(/read as country code 381/);
    expect(steps.join('\n')).toMatch(/also plausible: \+49381629759787/);
  });

  it('lists prefix stripping, URI unwrapping and the region used', () => {
    const text = explainNormalization('sip:00301234567@pbx', opts({ defaultRegion: 'DE', outsideLinePrefix: '0' })).steps.join('\n');
    expect(text).toContain('SIP URI → user part "00301234567"');
    expect(text).toContain('stripped outside-line prefix 0');
    expect(text).toContain('parsed with region DE');
    expect(text).toContain('+49301234567');
  });

  it('returns the same result as normalizeIncoming', () => {
    for (const raw of ['+33 (0)1 23 45 67 89', 'x204', '%CallerNumber%', '00 44 20 7946 0958', 'junk']) {
      const options = opts({ defaultRegion: 'US' });
      expect(explainNormalization(raw, options).result).toEqual(normalizeIncoming(raw, options));
    }
  });
});

describe('benchNormalize', () => {
  it('normalizes a realistic corpus that is all valid, and reports a rate from the injected clock', () => {
    const corpus = benchCorpus(240);
    expect(new Set(corpus.map(([, region]) => region))).toEqual(new Set(['FR', 'DE', 'GB', 'US', 'CH', 'BE']));
    for (const [raw, region] of corpus) expect(normalizeStored(raw, region)).toMatchObject({ kind: 'external', valid: true });
    let tick = 0;
    const clock = () => (tick += 500); // 500 ms between the two readings → 1000 numbers in 0.5 s
    expect(benchNormalize(1000, clock)).toBe(2000);
  });
});
