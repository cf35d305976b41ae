import { createHash } from 'node:crypto';

/**
 * The page GET /call answers with: it says what happened and, on success, closes the tab the 3CX client
 * opened. The CSP allows no resource at all except this one inline script, pinned by its hash.
 */
const CLOSE_SCRIPT = 'window.close();';
const CLOSE_SCRIPT_HASH = createHash('sha256').update(CLOSE_SCRIPT, 'utf8').digest('base64');

export const CLOSE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `default-src 'none'; script-src 'sha256-${CLOSE_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-closing page when `success`; otherwise it stays open so the person can read the error. */
export function renderClosePage(title: string, message: string, success: boolean): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`,
    success ? `<script>${CLOSE_SCRIPT}</script>` : '',
    '</body></html>',
  ].join('');
}
