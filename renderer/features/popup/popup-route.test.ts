import { describe, expect, it } from 'vitest';
import { ringPopupCallId } from './popup-route';

describe('ring pop-up route', () => {
  it('reads the call id the shell puts in the hash, encoded as it encodes it', () => {
    expect(ringPopupCallId(`#ring-popup?call=${encodeURIComponent('pbx 1/é&x')}`)).toBe('pbx 1/é&x');
  });

  it('is the main panel for any other hash, an empty id or an overlong one', () => {
    for (const hash of ['', '#', '#calls', '#ring-popup', '#ring-popup?call=', `#ring-popup?call=${'x'.repeat(201)}`, '#ring-popupX?call=1']) {
      expect(ringPopupCallId(hash)).toBeUndefined();
    }
  });
});
