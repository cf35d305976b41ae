import { fail, ok, type Result } from '../result';
import type { IncomingCallIntent } from './intents';
import { findParam, parseQueryString } from './query-string';
import { checkRawNumber, cleanDisplayName, detectUnfilledMacro, hasUnsafeChars, preview } from './raw-number';

/**
 * The 3CX "Open contact URL" query (`?phone=%CallerNumber%&name=%CallerDisplayName%`) read the way iTop's
 * telephony extension reads its URL: `url_parameters` maps URL parameter → Person attribute code; "If any
 * listed parameter is missing, an error is generated. Additional parameters are discarded."
 */
export const DEFAULT_URL_PARAMETERS: Readonly<Record<string, string>> = { phone: 'phone' };

const MAX_ATTRIBUTE_LENGTH = 255;
/** Not a Person attribute: 3CX's %CallerDisplayName% slot, shown as the caller's name. */
const DISPLAY_NAME_PARAM = 'name';

/** The URL parameter that carries the number: the one mapped to `phone`, else `mobile_phone`, else the first. */
export function numberParameterOf(urlParameters: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(urlParameters);
  return (
    entries.find(([, attribute]) => attribute === 'phone')?.[0] ??
    entries.find(([, attribute]) => attribute === 'mobile_phone')?.[0] ??
    entries[0]?.[0]
  );
}

export function parseContactUrlQuery(query: string, urlParameters: Readonly<Record<string, string>>): Result<IncomingCallIntent> {
  const mapping = Object.keys(urlParameters).length > 0 ? urlParameters : DEFAULT_URL_PARAMETERS;
  const numberParam = numberParameterOf(mapping) ?? 'phone';
  const params = parseQueryString(query);

  const missing = Object.keys(mapping).filter((name) => findParam(params, name) === undefined);
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}" (Person attribute ${mapping[name]})`).join(', ');
    return fail('url-parameter-missing', `The call URL lacks the parameter${missing.length > 1 ? 's' : ''} ${list} listed in url_parameters`);
  }

  const attributes: Record<string, string> = {};
  let number: { number: string; withheld: boolean } | undefined;
  for (const [name, attribute] of Object.entries(mapping)) {
    const param = findParam(params, name);
    if (param === undefined) continue; // checked above
    // The decoded value only: percentDecode keeps an undecodable "%CallerNumber%" literally, while the raw
    // form of an accented value (j%C3%A9r%C3%B4me) looks like a macro and was refused (issue 11, item 8).
    const macro = detectUnfilledMacro(param.value);
    if (macro !== undefined) {
      return fail(
        'unfilled-macro',
        `URL parameter "${name}" is the unfilled placeholder "${preview(macro)}": the phone system did not substitute it; check the contact URL configured in 3CX`,
      );
    }
    if (name === numberParam) {
      const checked = checkRawNumber(param.value, `URL parameter "${name}"`);
      if (!checked.ok) return checked;
      number = checked.value;
      continue;
    }
    const value = param.value.trim();
    if (value.length > MAX_ATTRIBUTE_LENGTH || hasUnsafeChars(value)) {
      return fail('url-parameter-invalid', `URL parameter "${name}" is longer than ${MAX_ATTRIBUTE_LENGTH} characters or contains control characters`);
    }
    attributes[attribute] = value;
  }
  if (number === undefined) return fail('url-parameter-missing', `The call URL lacks the number parameter "${numberParam}"`);

  const displayName = cleanDisplayName(findParam(params, DISPLAY_NAME_PARAM)?.value);
  return ok({
    kind: 'incoming-call',
    number: number.number,
    withheld: number.withheld,
    ...(displayName === undefined ? {} : { displayName }),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  });
}
