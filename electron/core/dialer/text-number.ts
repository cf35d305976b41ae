import { fail, ok, type Result } from '../../../shared/result';

/**
 * The number in a text the agent selected or copied anywhere ("Call me at +33 (0)1 23 45 67 89 tomorrow",
 * a spreadsheet cell, an e-mail signature): the first run that looks like a phone number. The dialer then
 * normalizes it as any other number; a text without one is refused here, before anything is queued.
 */
const PHONE_RUN = /(?:\+|\b00)?\(?\d[\d\s()./-]{3,}\d/;
/** Long enough for a paragraph around a number; selections beyond it are not "a number". */
const MAX_TEXT = 2000;

export function numberInText(text: string): Result<string> {
  if (text.length > MAX_TEXT) return fail('dial.text-too-long', `The selection is ${text.length} characters long: select only the number`);
  // Control characters (tabs, line breaks of a copied cell or signature) read as spaces.
  const flat = [...text].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c)).join('').trim();
  if (flat === '') return fail('dial.text-empty', 'Nothing is selected or copied: select or copy a phone number first');
  const found = PHONE_RUN.exec(flat)?.[0]?.trim();
  if (!found) return fail('dial.text-no-number', `No phone number in "${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`);
  return ok(found.length > 100 ? found.slice(0, 100) : found);
}
