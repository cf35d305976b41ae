import type { Reading } from './fast-read';
import { tryParse } from './metadata';
import type { ExternalNumber, NumberRoute } from './types';

/**
 * Builds the external result. `national`/`international` are enumerable, memoized getters: formatting
 * costs ~7 µs per number and the 200k-number index build never shows them. JSON.stringify, structured
 * clone (IPC), spreading and zod all read getters, so the object still behaves as plain data.
 */
interface DisplayForms {
  national?: string;
  international?: string;
}

const displayCache = new WeakMap<object, DisplayForms>();

function displayForms(target: ExternalNumber): Required<DisplayForms> {
  let forms = displayCache.get(target);
  if (!forms?.national || !forms.international) {
    const phone = tryParse(target.e164);
    forms = { national: phone?.formatNational() ?? target.nsn, international: phone?.formatInternational() ?? target.e164 };
    displayCache.set(target, forms);
  }
  return forms as Required<DisplayForms>;
}

// One pair of getter functions shared by every result (no closures per number on the hot path).
const DISPLAY_PROPERTIES: PropertyDescriptorMap = {
  national: { enumerable: true, get(this: ExternalNumber) { return displayForms(this).national; } },
  international: { enumerable: true, get(this: ExternalNumber) { return displayForms(this).international; } },
};

export function createExternal(reading: Reading, route: NumberRoute, ext?: string, alternative?: string): ExternalNumber {
  const result = {
    kind: 'external',
    e164: reading.e164,
    digits: reading.e164.slice(1),
    nsn: reading.nsn,
    callingCode: reading.callingCode,
    route,
    valid: reading.valid,
  } as ExternalNumber;
  Object.defineProperties(result, DISPLAY_PROPERTIES);
  if (reading.country) result.region = reading.country;
  if (ext !== undefined) result.ext = ext;
  if (alternative !== undefined) result.alternative = alternative;
  return result;
}
