/**
 * Links into iTop's own UI. `default[attribute]=value` prefills iTop's creation form the way the telephony
 * extension does; every part is percent-encoded, so a "+33…" number stays a "+" (form decoding would turn a
 * raw "+" into a space, the bug the extension fixed in 1.2.0).
 */
export function itopRoot(itopUrl: string): string {
  return itopUrl.replace(/\/webservices\/rest\.php.*$/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
}

export function buildItopCreationUrl(itopUrl: string, className: string, fields: Readonly<Record<string, string | number>>): string {
  const query = [
    'operation=new',
    `class=${encodeURIComponent(className)}`,
    ...Object.entries(fields).map(([code, value]) => `${encodeURIComponent(`default[${code}]`)}=${encodeURIComponent(String(value))}`),
  ];
  return `${itopRoot(itopUrl)}/pages/UI.php?${query.join('&')}`;
}

export function itopObjectLinks(itopUrl: string, className: string, id: number | string): { view: string; edit: string } {
  const base = `${itopRoot(itopUrl)}/pages/UI.php?class=${encodeURIComponent(className)}&id=${encodeURIComponent(String(id))}`;
  return { view: `${base}&operation=details`, edit: `${base}&operation=modify` };
}
