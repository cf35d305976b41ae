const BLOCKS = 'p, div, li, br, h1, h2, h3, h4, h5, h6, tr, blockquote, pre';

/**
 * iTop stores descriptions and case-log entries as HTML (CKEditor). We show them as text: parsed in an inert
 * document (DOMParser runs no script and loads nothing), block ends turned into line breaks, never injected
 * as markup. Plain text without tags comes back unchanged.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.body.querySelectorAll(BLOCKS)) el.append(doc.createTextNode('\n'));
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
