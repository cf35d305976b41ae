import type { CallerSelection } from '../../../shared/contract/views';

/**
 * What the journal and the presets need to know about a call, independent of how the Companion stores its
 * sessions (the Companion maps its CallView to this).
 */
export interface CallFacts {
  readonly callId: string;
  readonly direction: 'inbound' | 'outbound';
  readonly number: { readonly raw: string; readonly e164?: string; readonly national?: string; readonly display: string };
  /** Epoch ms. */
  readonly startedAt: number;
  readonly durationMs?: number;
  /** In the order the caller lookup returned them. */
  readonly callers: readonly { readonly personId: string; readonly name: string; readonly confidence: 'confirmed' | 'probable'; readonly inactive?: boolean }[];
  readonly selection: CallerSelection;
  /** True once the agent picked an entry of the chooser (the automatic default is not a choice). */
  readonly agentChose: boolean;
}

/**
 * The caller for presets, by the extension's rule: nobody → none; one → that person; several → the first the
 * lookup returned, unless the agent chose (a person, or "Unknown contact").
 */
export function presetCaller(call: CallFacts): CallFacts['callers'][number] | undefined {
  if (call.selection.kind === 'unknown') return undefined;
  if (call.selection.kind === 'person') {
    const id = call.selection.personId;
    return call.callers.find((c) => c.personId === id);
  }
  return call.callers[0];
}

/**
 * The PhoneCall's contact: only a caller we are sure of. A probable (last-digits) match or "the first of
 * several" is a guess, and a guess must not be written into iTop's records unless the agent confirmed it.
 */
export function confirmedContact(call: CallFacts): CallFacts['callers'][number] | undefined {
  const trusted = (c: CallFacts['callers'][number] | undefined) => c?.confidence === 'confirmed' && c.inactive !== true;
  // "All" over a single confirmed active caller is that caller (issue 12); over several it is a guess.
  if (call.selection.kind === 'all') return call.callers.length === 1 && trusted(call.callers[0]) ? call.callers[0] : undefined;
  if (call.selection.kind !== 'person') return undefined;
  const caller = presetCaller(call);
  if (!caller) return undefined;
  return call.agentChose || (trusted(caller) && call.callers.length === 1) ? caller : undefined;
}
