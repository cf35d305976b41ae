/**
 * The route a ring pop-up window loads: `index.html#ring-popup?call=<id>` (electron/core/shell/window-options.ts
 * builds it). Anything else is the main panel. Returns the call id, or undefined.
 */
export function ringPopupCallId(hash: string): string | undefined {
  const m = /^#ring-popup\?(.*)$/.exec(hash);
  if (!m) return undefined;
  const callId = new URLSearchParams(m[1]).get('call') ?? '';
  // Same bounds as the contract's call ids: a forged or truncated hash shows the main panel instead.
  return callId.length >= 1 && callId.length <= 200 ? callId : undefined;
}
