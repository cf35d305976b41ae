import type { IncomingHttpHeaders } from 'node:http';
import type { AppError } from '../../../shared/result';

/**
 * GET /call takes no token (3CX cannot send one), so a web page could try to trigger it: an <img>, fetch
 * or iframe from any site, or a top-level navigation. Browsers label such requests with Origin and
 * Sec-Fetch-* headers (see cti-field-notes §1.2); non-browser clients send none of them.
 */
export interface BrowserGuardOptions {
  /**
   * Allow top-level navigations opened by another site, i.e. the 3CX *web* client in a browser opening
   * the contact URL with window.open. Off by default: then only the 3CX desktop app, the OS, or a page
   * typed/opened by the user (Sec-Fetch-Site: none) can trigger a screen-pop.
   */
  allowCrossSiteNavigation?: boolean;
}

/** Why the request must be refused, or undefined when it may pass. */
export function browserRefusal(headers: IncomingHttpHeaders, options: BrowserGuardOptions = {}): AppError | undefined {
  if (headers.origin !== undefined) {
    return { code: 'origin-refused', message: `Requests from web pages (Origin: ${headers.origin}) are not accepted` };
  }
  const mode = headers['sec-fetch-mode'];
  const dest = headers['sec-fetch-dest'];
  if ((mode !== undefined && mode !== 'navigate') || (dest !== undefined && dest !== 'document')) {
    return { code: 'embedded-request-refused', message: `The call URL must be opened as a page, not embedded (mode ${mode ?? '-'}, destination ${dest ?? '-'})` };
  }
  const site = headers['sec-fetch-site'];
  if ((site === 'cross-site' || site === 'same-site') && options.allowCrossSiteNavigation !== true) {
    return {
      code: 'cross-site-refused',
      message: 'Another web site opened the call URL; enable "allow the 3CX web client" in the settings if that site is your 3CX web client',
    };
  }
  return undefined;
}
