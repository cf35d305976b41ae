import type { NormalizedKind, NumberRoute } from './types';

/**
 * The golden corpus: numbers as PBXs deliver them and as iTop users store them (itop-samples/11), the
 * measured traps of cti-field-notes §5.2, withheld values, unfilled macros, URIs, IDD variants.
 * `in` = normalizeIncoming with `opts`; `stored` = normalizeStored in `region`.
 */
export interface GoldenCase {
  readonly input: string;
  readonly via: 'in' | 'stored';
  /** Incoming: defaultRegion; stored: the person's region. */
  readonly region: string;
  readonly opts?: { readonly outsideLinePrefix?: string; readonly pbxInternationalPrefixRegion?: string };
  readonly kind: NormalizedKind;
  readonly e164?: string;
  readonly national?: string;
  readonly ext?: string;
  readonly extension?: string;
  readonly route?: NumberRoute;
  readonly alternative?: string;
  readonly why: string;
}

const ext = (input: string, region: string, e164: string, national: string, why: string): GoldenCase => ({ input, via: 'in', region, kind: 'external', e164, national, why });
const stored = (input: string, region: string, e164: string, national: string, why: string): GoldenCase => ({ input, via: 'stored', region, kind: 'external', e164, national, why });

export const GOLDEN_CORPUS: readonly GoldenCase[] = [
  // §5.2 table, row by row
  { ...ext('0049 30 1234567', 'DE', '+49301234567', '030 1234567', '§5.2 IDD 00'), route: 'idd' },
  { ...ext('004930 1234567', 'FR', '+49301234567', '030 1234567', '§5.2 IDD works from FR too'), route: 'idd' },
  { ...ext('030 1234567', 'DE', '+49301234567', '030 1234567', '§5.2 trunk 0 stripped'), route: 'national' },
  ext('030/1234-567', 'DE', '+49301234567', '030 1234567', '§5.2 slash and dash'),
  { ...ext('+49 (0)30 1234567', 'DE', '+49301234567', '030 1234567', '§5.2 "(0)" tolerated'), route: 'plus' },
  ext('+49 030 1234567', 'DE', '+49301234567', '030 1234567', '§5.2 trunk 0 after the country code'),
  { ...ext('011 44 20 7946 0958', 'US', '+442079460958', '020 7946 0958', '§5.2 US IDD'), route: 'idd' },
  { ...ext('00 44 20 7946 0958', 'US', '+442079460958', '020 7946 0958', '§5.2 wrong IDD for US must not become +1 0044…'), route: 'idd' },
  ext('447911123456', 'GB', '+447911123456', '07911 123456', '§5.2 own country code without +'),
  { ...ext('381629759787', 'DE', '+381629759787', '062 9759787', '§5.2 trap: Serbian number, not +49 381…'), route: 'bare-country-code', alternative: '+49381629759787' },
  { ...ext('33145453245', 'DE', '+33145453245', '01 45 45 32 45', '§5.2 trap: French number, not +49 331…'), route: 'bare-country-code', alternative: '+4933145453245' },
  { input: '123', via: 'in', region: 'DE', kind: 'internal', extension: '123', why: '§5.2 3 digits = extension, never +49123' },
  { input: '4711', via: 'in', region: 'DE', kind: 'internal', extension: '4711', why: '§5.2 4-digit extension looks "possible"' },
  { input: '12345', via: 'in', region: 'DE', kind: 'internal', extension: '12345', why: '§5.2 5-digit extension looks valid with min' },
  { input: '1234567', via: 'in', region: 'DE', kind: 'external', e164: '+491234567', route: 'national', why: '§5.2 7 digits: local number, possible only' },
  { input: '110', via: 'in', region: 'DE', kind: 'internal', extension: '110', why: '§5.2 short code: classified by the extension pattern' },
  { input: 'anonymous', via: 'in', region: 'DE', kind: 'withheld', why: '§5.2 anonymous' },
  { input: '', via: 'in', region: 'DE', kind: 'withheld', why: '§5.2 empty' },
  { ...ext('sip:0301234567@pbx', 'DE', '+49301234567', '030 1234567', '§5.2 SIP URI stripped first'), route: 'national' },
  { input: '(213) 373-4253 ext. 12', via: 'in', region: 'US', kind: 'external', e164: '+12133734253', national: '(213) 373-4253', ext: '12', why: '§5.2 extension' },
  ext('0301234567', 'AT', '+43301234567', '03012 34567', '§5.2 wrong default region gives the wrong country (documented)'),

  // iTop-stored formats (itop-samples/11-get-person-all-after-extra)
  { ...stored('+33 1 23 45 67 89', 'FR', '+33123456789', '01 23 45 67 89', 'iTop FR spaced E.164'), route: 'plus' },
  stored('+33 (0)1 23 45 67 92', 'FR', '+33123456792', '01 23 45 67 92', 'iTop FR "(0)"'),
  stored('+33 (0)6 12 34 56 80', 'FR', '+33612345680', '06 12 34 56 80', 'iTop FR mobile "(0)"'),
  stored('01.23.45.67.93', 'FR', '+33123456793', '01 23 45 67 93', 'iTop FR dots'),
  stored('0123456794', 'FR', '+33123456794', '01 23 45 67 94', 'iTop FR compact national'),
  stored('06 12 34 56 79', 'FR', '+33612345679', '06 12 34 56 79', 'iTop FR mobile spaced'),
  { ...stored('0033123456791', 'FR', '+33123456791', '01 23 45 67 91', 'iTop FR with IDD'), route: 'idd' },
  stored('+33123456795', 'FR', '+33123456795', '01 23 45 67 95', 'iTop FR compact E.164'),
  { ...stored('+33 1 23 45 67 97 poste 212', 'FR', '+33123456797', '01 23 45 67 97', 'iTop FR "poste" extension'), ext: '212' },
  { input: 'ext 1234', via: 'stored', region: 'FR', kind: 'internal', extension: '1234', why: 'iTop: colleague stored as an extension' },
  { input: 'ext 4321', via: 'stored', region: 'US', kind: 'internal', extension: '4321', why: 'iTop: extension only' },
  stored('+49 (0)30 1234567', 'DE', '+49301234567', '030 1234567', 'iTop DE "(0)"'),
  stored('030/1234568', 'DE', '+49301234568', '030 1234568', 'iTop DE slash'),
  stored('(030) 1234573', 'DE', '+49301234573', '030 1234573', 'iTop DE area code in parentheses'),
  stored('0049 30 1234570', 'DE', '+49301234570', '030 1234570', 'iTop DE IDD'),
  stored('+49-30-1234572', 'DE', '+49301234572', '030 1234572', 'iTop DE dashes'),
  stored('+49 30 1234574-12', 'DE', '+4930123457412', '030 123457412', 'DIN 5008 "-12" is the direct-dial suffix, not an extension'),
  stored('+49 89 12345-0', 'DE', '+4989123450', '089 123450', 'DIN 5008 switchboard "-0"'),
  stored('0151/23456790', 'DE', '+4915123456790', '01512 3456790', 'iTop DE mobile slash'),
  stored('+49 (0)151 2345 6791', 'DE', '+4915123456791', '01512 3456791', 'iTop DE mobile "(0)"'),
  stored('015123456794', 'DE', '+4915123456794', '01512 3456794', 'iTop DE compact mobile'),
  stored('020 7946 0959', 'GB', '+442079460959', '020 7946 0959', 'iTop GB national'),
  stored('+44 (0)20 7946 0960', 'GB', '+442079460960', '020 7946 0960', 'iTop GB "(0)"'),
  stored('07700 900124', 'GB', '+447700900124', '07700 900124', 'iTop GB mobile (drama range: possible, not valid)'),
  stored('415.555.0101', 'US', '+14155550101', '(415) 555-0101', 'iTop US dots'),
  stored('(415) 555-0102', 'US', '+14155550102', '(415) 555-0102', 'iTop US parentheses'),
  stored('1-415-555-0105', 'US', '+14155550105', '(415) 555-0105', 'iTop US with trunk 1'),
  { ...stored('+1 415-555-0106 x204', 'US', '+14155550106', '(415) 555-0106', 'iTop US "x" extension'), ext: '204' },
  { ...stored('415-555-0103 ext 1234', 'US', '+14155550103', '(415) 555-0103', 'iTop US "ext" extension'), ext: '1234' },
  stored('+1.415.555.0111', 'US', '+14155550111', '(415) 555-0111', 'iTop US dotted E.164'),
  stored('+33 6 12 34 56 78', 'DE', '+33612345678', '06 12 34 56 78', 'E.164 ignores the stored region'),
  stored('044 668 18 00', 'CH', '+41446681800', '044 668 18 00', 'CH national'),
  stored('+41 (0)44 668 18 00', 'CH', '+41446681800', '044 668 18 00', 'CH "(0)"'),
  stored('079 123 45 67', 'CH', '+41791234567', '079 123 45 67', 'CH mobile'),
  stored('02 555 12 34', 'BE', '+3225551234', '02 555 12 34', 'BE Brussels'),
  stored('0470 12 34 56', 'BE', '+32470123456', '0470 12 34 56', 'BE mobile'),
  stored('+32 (0)2 555 12 34', 'BE', '+3225551234', '02 555 12 34', 'BE "(0)"'),
  { input: '01 23 45 67 89 / 06 12 34 56 78', via: 'stored', region: 'FR', kind: 'invalid', why: 'two numbers in one field are not merged into garbage' },

  // Extensions vs short national numbers (extension pattern ^\d{2,5}$ decides first)
  { input: '12', via: 'in', region: 'FR', kind: 'internal', extension: '12', why: '2-digit extension' },
  { input: '20 1', via: 'in', region: 'FR', kind: 'internal', extension: '201', why: 'extension with a separator' },
  { input: 'sip:204@pbx.local', via: 'in', region: 'FR', kind: 'internal', extension: '204', why: 'SIP extension' },
  { input: '3', via: 'in', region: 'FR', kind: 'invalid', why: 'one digit: neither extension nor number' },
  { input: '+4711', via: 'in', region: 'DE', kind: 'invalid', why: '"+" makes it international: too short' },

  // Withheld values
  { input: 'Anonymous', via: 'in', region: 'FR', kind: 'withheld', why: 'case-insensitive' },
  { input: 'sip:anonymous@anonymous.invalid', via: 'in', region: 'FR', kind: 'withheld', why: 'RFC 3323 anonymous URI' },
  { input: '"Unknown" <sip:unknown@10.0.0.1>', via: 'in', region: 'FR', kind: 'withheld', why: 'name-addr with unknown user' },
  { input: 'restricted', via: 'in', region: 'US', kind: 'withheld', why: 'restricted' },
  { input: 'PRIVATE', via: 'in', region: 'US', kind: 'withheld', why: 'private' },
  { input: 'unavailable', via: 'in', region: 'US', kind: 'withheld', why: 'unavailable' },
  { input: 'withheld', via: 'in', region: 'GB', kind: 'withheld', why: 'withheld' },
  { input: '+', via: 'in', region: 'FR', kind: 'withheld', why: 'lone plus' },
  { input: '0', via: 'in', region: 'FR', kind: 'withheld', why: 'lone zero' },
  { input: '   ', via: 'in', region: 'FR', kind: 'withheld', why: 'blank' },

  // Unfilled macros
  { input: '%CallerNumber%', via: 'in', region: 'FR', kind: 'unfilled-macro', why: '3CX macro' },
  { input: '%25CallerNumber%25', via: 'in', region: 'FR', kind: 'unfilled-macro', why: 'URL-encoded 3CX macro' },
  { input: '{caller}', via: 'in', region: 'FR', kind: 'unfilled-macro', why: 'brace placeholder' },
  { input: '{CALLERNUM:1}', via: 'in', region: 'FR', kind: 'unfilled-macro', why: 'Wildix placeholder' },
  { input: '$phone$', via: 'in', region: 'FR', kind: 'unfilled-macro', why: 'dollar placeholder' },
  { input: '$CALLER_NUMBER', via: 'in', region: 'FR', kind: 'unfilled-macro', why: 'NethVoice placeholder' },
  { input: '{{number}}', via: 'in', region: 'FR', kind: 'unfilled-macro', why: 'handlebars placeholder' },

  // SIP / tel URIs
  { ...ext('sip:+33123456789@pbx;user=phone', 'DE', '+33123456789', '01 23 45 67 89', 'SIP URI with user=phone'), route: 'plus' },
  ext('sips:+41446681800@sbc.example.ch', 'FR', '+41446681800', '044 668 18 00', 'SIPS URI'),
  ext('"Jean Dupont" <sip:0123456789@10.1.2.3:5060;transport=udp>', 'FR', '+33123456789', '01 23 45 67 89', 'name-addr'),
  ext('tel:+1-415-555-0100', 'FR', '+14155550100', '(415) 555-0100', 'tel URI'),
  ext('tel:0123456789;phone-context=+33', 'DE', '+33123456789', '01 23 45 67 89', 'tel with global phone-context'),
  ext('tel:030 1234567;phone-context=pbx.example.com', 'DE', '+49301234567', '030 1234567', 'tel with domain phone-context'),
  { ...ext('tel:+33123456789;ext=42', 'FR', '+33123456789', '01 23 45 67 89', 'tel ;ext='), ext: '42' },
  ext('%2B33123456789', 'FR', '+33123456789', '01 23 45 67 89', 'URL-encoded plus'),
  ext('sip:%2B4930123456@pbx', 'FR', '+4930123456', '030 123456', 'percent-encoded SIP user'),

  // Outside-line prefixes
  { ...ext('00123456789', 'FR', '+33123456789', '01 23 45 67 89', 'PBX adds 0 before national numbers'), opts: { outsideLinePrefix: '0' } },
  { ...ext('0004930123456', 'FR', '+4930123456', '030 123456', 'outside 0 + IDD 00'), opts: { outsideLinePrefix: '0' } },
  { ...ext('0123456789', 'FR', '+33123456789', '01 23 45 67 89', 'prefix configured but absent this time'), opts: { outsideLinePrefix: '0' } },
  { ...ext('914155550100', 'US', '+14155550100', '(415) 555-0100', 'US PBX outside line 9'), opts: { outsideLinePrefix: '9' } },
  { ...ext('9011442079460958', 'US', '+442079460958', '020 7946 0958', 'outside 9 + 011'), opts: { outsideLinePrefix: '9' } },
  { input: '9123', via: 'in', region: 'US', opts: { outsideLinePrefix: '9' }, kind: 'internal', extension: '9123', why: 'extensions are classified before the prefix is stripped' },

  // IDD variants
  { ...ext('0114930123456', 'FR', '+4930123456', '030 123456', 'PBX in the US, agent default FR'), opts: { pbxInternationalPrefixRegion: 'US' }, route: 'idd' },
  ext('+0033123456789', 'DE', '+33123456789', '01 23 45 67 89', '"+" before IDD'),
  ext('++33 1 23 45 67 89', 'DE', '+33123456789', '01 23 45 67 89', 'doubled plus'),
  ext('00 41 44 668 18 00', 'CH', '+41446681800', '044 668 18 00', 'CH IDD to own country'),
  ext('0032 2 555 12 34', 'FR', '+3225551234', '02 555 12 34', 'BE from FR via 00'),
  { ...ext('4930123456', 'US', '+4930123456', '030 123456', 'US PBX delivers CC+NSN bare: not a NANP number'), route: 'bare-country-code' },
  { ...ext('4155550100', 'US', '+14155550100', '(415) 555-0100', 'NANP national numbers are bare'), route: 'national' },
  { ...ext('612345678', 'FR', '+33612345678', '06 12 34 56 78', 'FR number without trunk 0: +61 reading is not valid'), route: 'national' },

  // Fullwidth / unicode
  ext('＋３３ １ ２３ ４５ ６７ ８９', 'DE', '+33123456789', '01 23 45 67 89', 'fullwidth digits and plus'),
  ext('01\u00a023\u00a045\u00a067\u00a089', 'FR', '+33123456789', '01 23 45 67 89', 'non-breaking spaces'),
  ext('\u200e+49\u202f30\u20131234567\u200f', 'FR', '+49301234567', '030 1234567', 'bidi marks, narrow NBSP, en dash'),
  ext('٠١٢٣٤٥٦٧٨٩', 'FR', '+33123456789', '01 23 45 67 89', 'Arabic-Indic digits'),

  // Leading / trailing junk
  ext('Tel.: +33 1 23 45 67 89', 'DE', '+33123456789', '01 23 45 67 89', 'label before the number'),
  ext('030 1234567 (Zentrale)', 'DE', '+49301234567', '030 1234567', 'note after the number'),
  ext('  "+33123456789"\n', 'FR', '+33123456789', '01 23 45 67 89', 'quotes and newline'),
  { input: '1-800-FLOWERS', via: 'in', region: 'US', kind: 'invalid', why: 'vanity numbers are refused, not read as extension 1800' },
  { input: '030 12 mobil 34567', via: 'in', region: 'DE', kind: 'invalid', why: 'text inside the number' },
  { input: '1'.repeat(40), via: 'in', region: 'FR', kind: 'invalid', why: 'far too long' },
];
