/**
 * Just enough of iTop's HTMLDOMSanitizer for REST writes: bare text becomes a <p> paragraph
 * (RestTest.php:133 asserts "x" → "<p>x</p>"), and the plain-text rendering of HTML for case logs.
 */
const BLOCK_START = /^\s*<(p|div|ul|ol|table|h[1-6]|blockquote|pre|hr|br)\b/i;

export function sanitizeHtml(value: string): string {
  if (value.trim() === '') return '';
  if (BLOCK_START.test(value)) return value;
  // Text with inline markup keeps its tags; plain text has its special characters escaped.
  const body = /<[a-z][^>]*>/i.test(value) ? value : escapeHtml(value);
  return `<p>${body}</p>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text of an HTML fragment: tags dropped, <br> and block ends as newlines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>\s*/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}
