import { isKnownRegion, regionPlan, type CountryCode } from './metadata';
import type { NormalizedNumber } from './types';

/**
 * Short text for the caller panel: national form for numbers of the agent's own country (by calling code,
 * so +1 numbers stay national across NANP), international otherwise. Withheld gives "" — the UI shows its
 * own translated label for that.
 */
export function displayNumber(n: NormalizedNumber, defaultRegion: CountryCode): string {
  switch (n.kind) {
    case 'external': {
      const home = isKnownRegion(defaultRegion) && regionPlan(defaultRegion).callingCode === n.callingCode;
      const main = home ? n.national : n.international;
      return n.ext ? `${main} ext. ${n.ext}` : main;
    }
    case 'internal':
      return n.extension;
    case 'withheld':
      return '';
    case 'invalid':
    case 'unfilled-macro':
      return n.raw.trim();
  }
}
