import type { NumberView } from '../../../shared/contract/views';
import { displayNumber, normalizeIncoming, type CountryCode, type NormalizedNumber, type PhoneOptions } from '../../../shared/phone';

/** What the panel shows for a received number, and why no lookup happens when it is not a usable number. */
export function toNumberView(raw: string, n: NormalizedNumber, defaultRegion: string): NumberView {
  const display = displayNumber(n, defaultRegion as CountryCode);
  switch (n.kind) {
    case 'external':
      return { raw, kind: 'external', e164: n.e164, display };
    case 'internal':
      return { raw, kind: 'internal', display, problem: `Internal extension ${n.extension}: a colleague, not looked up in iTop.` };
    case 'withheld':
      return { raw, kind: 'withheld', display, problem: 'The caller withheld their number: nobody can be looked up.' };
    case 'invalid':
      return { raw, kind: 'invalid', display, problem: `"${raw.slice(0, 60)}" is not a usable phone number (${n.reason}): no lookup.` };
    case 'unfilled-macro':
      return {
        raw,
        kind: 'unfilled-macro',
        display,
        problem: `The phone system sent "${raw.slice(0, 60)}" literally: its variable was not filled in. Check the contact URL in the PBX (e.g. 3CX: phone=%CallerNumber%).`,
      };
  }
}

export function normalizeForCall(raw: string, options: PhoneOptions): { normalized: NormalizedNumber; view: NumberView } {
  const normalized = normalizeIncoming(raw, options);
  return { normalized, view: toNumberView(raw, normalized, options.defaultRegion) };
}
