import { fail, ok, type Result } from '../result';
import { isTicketRef, type CallIntent } from './intents';
import { findParam, parseQueryString, percentDecode } from './query-string';
import { checkRawNumber, cleanDisplayName, hasControlChars, preview } from './raw-number';

/** A deep link is untrusted input from any web page or app: cap it well below anything legitimate. */
export const MAX_DEEP_LINK_LENGTH = 2048;

export type DeepLink = CallIntent;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const DIAL_SCHEMES = new Set(['tel', 'callto', 'sip', 'sips']);

/**
 * Parses `itop-cti://call?phone=…&name=…` (incoming call), `itop-cti://dial?number=…&ticket=…`, and the
 * click-to-call URIs `tel:`, `callto:`, `sip:`/`sips:` (dial). A literal `+` is kept (never read as a space).
 */
export function parseDeepLink(url: string): Result<DeepLink> {
  if (typeof url !== 'string') return fail('deep-link-invalid', 'Deep link must be a string');
  const link = url.trim();
  if (link.length > MAX_DEEP_LINK_LENGTH) {
    return fail('deep-link-too-long', `Deep link is ${link.length} characters long; at most ${MAX_DEEP_LINK_LENGTH} are accepted`);
  }
  if (hasControlChars(link)) return fail('deep-link-invalid', 'Deep link contains control characters');
  const scheme = SCHEME.exec(link)?.[1]?.toLowerCase();
  if (scheme === undefined) return fail('deep-link-invalid', `Not a URL (no scheme): "${preview(link)}"`);
  const rest = link.slice(scheme.length + 1);
  if (scheme === 'itop-cti') return parseItopCtiLink(rest);
  if (DIAL_SCHEMES.has(scheme)) return parseDialUri(scheme, rest);
  return fail(
    'deep-link-unsupported-scheme',
    `Unsupported link scheme "${scheme}:"; expected itop-cti:, tel:, callto:, sip: or sips:`,
  );
}

function parseItopCtiLink(rest: string): Result<DeepLink> {
  const body = rest.replace(/^\/\//, '');
  const queryStart = body.indexOf('?');
  const action = (queryStart === -1 ? body : body.slice(0, queryStart)).replace(/\/+$/, '').toLowerCase();
  const params = parseQueryString(queryStart === -1 ? '' : body.slice(queryStart + 1));

  if (action === 'call') {
    const phone = findParam(params, 'phone');
    if (phone === undefined) return fail('deep-link-missing-parameter', 'itop-cti://call needs a "phone" parameter');
    const checked = checkRawNumber(phone.value, 'Deep link parameter "phone"');
    if (!checked.ok) return checked;
    const displayName = cleanDisplayName(findParam(params, 'name')?.value);
    return ok({
      kind: 'incoming-call',
      number: checked.value.number,
      withheld: checked.value.withheld,
      ...(displayName === undefined ? {} : { displayName }),
    });
  }
  if (action === 'dial') {
    const number = findParam(params, 'number');
    if (number === undefined) return fail('deep-link-missing-parameter', 'itop-cti://dial needs a "number" parameter');
    return dialIntent(number.value, 'Deep link parameter "number"', findParam(params, 'ticket')?.value);
  }
  return fail('deep-link-unknown-action', `Unknown itop-cti action "${preview(action)}"; expected itop-cti://call or itop-cti://dial`);
}

/** tel:+33…;ext=1, callto://+33…, sip:0301234567@pbx;user=phone → the user/number part, decoded. */
function parseDialUri(scheme: string, rest: string): Result<DeepLink> {
  let body = rest.replace(/^\/\//, '');
  body = body.split('?', 1)[0] ?? '';
  if (scheme === 'sip' || scheme === 'sips') {
    const at = body.lastIndexOf('@');
    if (at !== -1) body = body.slice(0, at);
  }
  body = body.split(';', 1)[0] ?? '';
  return dialIntent(percentDecode(body), `The ${scheme}: link`, undefined);
}

function dialIntent(value: string, where: string, ticket: string | undefined): Result<DeepLink> {
  const checked = checkRawNumber(value, where);
  if (!checked.ok) return checked;
  if (checked.value.withheld) return fail('dial-number-missing', `${where} holds no number to dial ("${preview(value)}")`);
  const ticketRef = ticket?.trim();
  if (ticketRef !== undefined && ticketRef !== '' && !isTicketRef(ticketRef)) {
    return fail('deep-link-invalid-ticket', `Ticket "${preview(ticketRef)}" is not a ticket id or reference`);
  }
  return ok({ kind: 'dial', number: checked.value.number, ...(ticketRef ? { ticket: ticketRef } : {}) });
}
