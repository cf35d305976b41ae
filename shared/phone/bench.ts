import { regionPlan, type CountryCode } from './metadata';
import { normalizeStored } from './normalize';

/** National significant numbers (without trunk prefix) shaped like real ones; the tail digits vary. */
const SAMPLES: ReadonlyArray<readonly [CountryCode, string, number]> = [
  ['FR', '1234', 9], ['FR', '6123', 9], ['DE', '3012', 10], ['DE', '15123', 11], ['GB', '20794', 10], ['GB', '74001', 10],
  ['US', '415555', 10], ['US', '628555', 10], ['CH', '4431', 9], ['CH', '7812', 9], ['BE', '2550', 8], ['BE', '4701', 9],
];

/** The ways iTop users type numbers (see itop-samples/11): E.164, spaced, "(0)", national, IDD, extension. */
function storedForm(region: CountryCode, nsn: string, style: number): string {
  const cc = regionPlan(region).callingCode;
  const trunk = region === 'US' ? '' : '0';
  const spaced = nsn.replace(/(\d{2})(?=\d)/g, '$1 ');
  switch (style % 7) {
    case 0: return `+${cc}${nsn}`;
    case 1: return `+${cc} ${spaced}`;
    case 2: return `+${cc} (0)${spaced}`;
    case 3: return `${trunk}${spaced}`;
    case 4: return `00${cc}${nsn}`;
    case 5: return `${trunk}${nsn.slice(0, 3)}/${nsn.slice(3)}`;
    default: return `+${cc} ${nsn} ext ${style % 900}`;
  }
}

/** A deterministic corpus (same numbers every run, so results are comparable across machines). */
export function benchCorpus(count: number): Array<readonly [string, CountryCode]> {
  const corpus: Array<readonly [string, CountryCode]> = [];
  let seed = 12345;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const [region, head, length] = SAMPLES[i % SAMPLES.length] ?? ['FR', '1234', 9];
    const tail = String(seed).padStart(12, '0').slice(0, length - head.length);
    corpus.push([storedForm(region, head + tail, seed >> 4), region]);
  }
  return corpus;
}

/** Stored numbers normalized per second (the index build normalizes phone + mobile of every person). */
export function benchNormalize(count: number, now: () => number = () => Date.now()): number {
  const corpus = benchCorpus(Math.max(1, Math.floor(count)));
  const started = now();
  let external = 0;
  for (const [raw, region] of corpus) {
    if (normalizeStored(raw, region).kind === 'external') external++;
  }
  const elapsedMs = Math.max(now() - started, 1);
  if (external === 0) throw new Error('benchNormalize: corpus produced no external numbers — the benchmark is broken');
  return (corpus.length * 1000) / elapsedMs;
}
