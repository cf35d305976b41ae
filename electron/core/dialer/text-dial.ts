import { fail, ok, type Result } from '../../../shared/result';
import type { Dialer } from './dialer';
import { numberInText } from './text-number';

export interface TextDialOutcome {
  readonly kind: 'pending' | 'started';
  readonly display: string;
}

/**
 * The dial shortcut's text → a dial. What was selected or copied in another application is as untrusted as a
 * link (a stray selection, a page's hidden text), so it waits for the agent's confirmation like a link; only an
 * agent who opted in (dial.shortcutDialsAtOnce) has it dialed at once, as if typed in the app's dialer.
 */
export async function dialFromText(dialer: Pick<Dialer, 'dial'>, text: string, dialsAtOnce: boolean): Promise<Result<TextDialOutcome>> {
  const number = numberInText(text);
  if (!number.ok) return number;
  const outcome = await dialer.dial({ number: number.value, source: dialsAtOnce ? 'app' : 'deep-link', via: 'shortcut' });
  if (!outcome.ok) return outcome;
  if (outcome.value.kind === 'started') return ok({ kind: 'started', display: outcome.value.started.display });
  const { pending } = outcome.value;
  // A text whose number cannot be dialed still shows as a pending dial saying why (the agent rejects it).
  return pending.problem && dialsAtOnce ? fail('dial.invalid-number', pending.problem) : ok({ kind: 'pending', display: pending.display });
}
