import type { PhoneConfig } from '../config/app-config';
import { checkRawNumber } from '../cti/raw-number';
import { displayNumber, formatDialString, isKnownRegion, normalizeStored, type CountryCode, type DialFormat, type PhoneOptions } from '../phone';
import { fail, ok, type Result } from '../result';

/** A number ready to dial: what the agent reads, what the PBX gets, and the E.164 key for logging/lookup. */
export interface PreparedNumber {
  /** As given (trimmed): an iTop attribute value, a typed number, a deep link's parameter. */
  readonly raw: string;
  readonly kind: 'external' | 'internal';
  /** Absent for internal extensions. */
  readonly e164?: string;
  /** National form at home, international abroad, or the extension (with " ext. N" when stored with one). */
  readonly display: string;
  /** Digits (and a leading "+" for e164) in the configured dial format; never contains the extension part. */
  readonly dialString: string;
}

/**
 * The app's phone settings as shared/phone's options. Built by hand, not parsed: the config already validated
 * them, and its outside-line prefix may contain `*`/`#` (PBX feature codes) which the dial string keeps.
 */
export function phoneOptionsOf(phone: PhoneConfig): PhoneOptions {
  return {
    defaultRegion: phone.defaultRegion as CountryCode,
    outsideLinePrefix: phone.outsideLinePrefix,
    extensionPattern: phone.extensionPattern,
    suffixDigits: phone.suffixDigits,
    ...(phone.pbxInternationalPrefixRegion ? { pbxInternationalPrefixRegion: phone.pbxInternationalPrefixRegion as CountryCode } : {}),
  };
}

/**
 * Reads a number the agent wants to call. Numbers to dial come from iTop (stored values, deep links built
 * from them) or from the agent's keyboard, never from the PBX, so they are read as stored numbers: no
 * outside-line prefix is stripped. `region` is the callee's region when known (per organization).
 */
export function prepareNumber(raw: string, format: DialFormat, phone: PhoneConfig, region?: string): Result<PreparedNumber> {
  const checked = checkRawNumber(typeof raw === 'string' ? raw : '', 'The number to dial');
  if (!checked.ok) return checked;
  const text = checked.value.number;
  if (checked.value.withheld) return fail('dial.no-number', text === '' ? 'There is no number to dial' : `"${text}" is not a number to dial`);
  const home = phone.defaultRegion as CountryCode;
  const readIn = region !== undefined && isKnownRegion(region) ? region : home;
  const n = normalizeStored(text, readIn, { extensionPattern: phone.extensionPattern });
  switch (n.kind) {
    case 'internal':
      return ok({ raw: text, kind: 'internal', display: n.extension, dialString: n.extension });
    case 'external': {
      const dialString = formatDialString(n.e164, format, phoneOptionsOf(phone));
      if (!dialString.ok) return dialString;
      return ok({ raw: text, kind: 'external', e164: n.e164, display: displayNumber(n, home), dialString: dialString.value });
    }
    case 'withheld':
      return fail('dial.no-number', `"${text}" is not a number to dial`);
    case 'unfilled-macro':
      return fail('dial.unfilled-macro', `"${text}" is a placeholder that was never filled in, not a number`);
    case 'invalid':
      return fail('dial.invalid-number', `Cannot dial "${text}": ${n.reason}`);
  }
}
