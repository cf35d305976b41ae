import { parseDeepLink } from '../cti/deep-link';
import { fail, ok, type Result } from '../result';

/** Who asked for a call: the agent inside the app, or a link from outside (iTop's pages, any web page, argv). */
export type DialOrigin = 'app' | 'deep-link';

/**
 * A link can be clicked by accident or planted by any web page, and a call costs money and reaches a real
 * person: only a dial the agent started inside the app goes out at once; every other one waits for the
 * agent to confirm it.
 */
export function needsConfirmation(origin: DialOrigin): boolean {
  return origin !== 'app';
}

export interface DialLink {
  /** Raw number, "+" kept (iTop renders `itop-cti://dial?number=+33 1 23 45 67 89`). */
  readonly number: string;
  /** Ticket id or ref named by the link; iTop's own phone links never carry one. */
  readonly ticket?: string;
}

/** `itop-cti://dial?number=…[&ticket=…]`, `tel:`, `callto:`, `sip:` → what to dial; an incoming-call link is refused. */
export function readDialLink(url: string): Result<DialLink> {
  const parsed = parseDeepLink(url);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'dial') return fail('dial.not-a-dial-link', 'This link announces an incoming call; it does not ask to dial a number');
  return ok({ number: parsed.value.number, ...(parsed.value.ticket ? { ticket: parsed.value.ticket } : {}) });
}
