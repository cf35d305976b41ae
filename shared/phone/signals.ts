/**
 * Values that are not numbers but still say something: a withheld caller, or a template placeholder the
 * PBX never filled in (3CX %CallerNumber%, Wildix {CALLERNUM}, Ringotel $caller$, NethVoice $CALLER_NUMBER,
 * Asterisk ${CALLERID(num)}, handlebars {{number}}).
 */

// A letter must follow the opener, so percent-escapes such as %2B33… never look like a macro.
const MACRO_PATTERNS: readonly RegExp[] = [
  /%%?[A-Za-z_][\w.:-]*%%?/,
  /\$\{[^}]*\}/,
  /\{\{?\s*[A-Za-z_][\w.:()-]*\s*\}?\}/,
  /\$[A-Za-z_][\w.-]*\$/,
  /\$[A-Z][A-Z0-9_]{2,}/,
  /^\[[A-Za-z][\w.-]*\]$/,
];

/** The placeholder token found in `text`, or undefined. */
export function findUnfilledMacro(text: string): string | undefined {
  if (!/[%{$[]/.test(text)) return undefined; // fast path for the 200k-number index build
  for (const pattern of MACRO_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return undefined;
}

// What PBXs, SIP stacks and carriers send when the number is suppressed, in the languages of our users.
const WITHHELD_WORDS = new Set([
  'anonymous', 'anonym', 'anonyme', 'anonimo', 'unknown', 'unbekannt', 'inconnu', 'restricted', 'private',
  'privé', 'prive', 'withheld', 'unavailable', 'not available', 'n/a', 'blocked', 'hidden', 'masqué', 'masque',
  'unterdrückt', 'unterdrueckt', 'clir', 'no caller id', 'nocallerid', 'private number', 'unknown number',
  'withheld number', 'numéro masqué', 'numero masque', 'rufnummer unterdrückt', 'caller id withheld',
  'null', 'undefined', 'none',
]);

/** True for a withheld marker (case/quotes/punctuation-insensitive) or a value with no digits nor letters. */
export function isWithheldText(text: string): boolean {
  const word = text.toLowerCase().replace(/^["'\s<([]+|["'\s>)\].]+$/g, '').replace(/\s+/g, ' ');
  if (WITHHELD_WORDS.has(word)) return true;
  // "", "+", "-", "()": nothing a person could call back.
  return !/[\p{L}\p{N}]/u.test(word);
}

/** "0", "000…": some trunks send zeros when the caller withholds the number. */
export function isAllZeros(digits: string): boolean {
  return /^0+$/.test(digits);
}
