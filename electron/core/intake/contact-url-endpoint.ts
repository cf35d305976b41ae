import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseContactUrlQuery } from '../../../shared/cti/contact-url';
import type { AppError } from '../../../shared/result';
import { browserRefusal, type BrowserGuardOptions } from './browser-guard';
import type { CallIntake } from './call-intake';
import { CLOSE_PAGE_HEADERS, renderClosePage } from './close-page';
import { sendHtml } from './http-io';

/**
 * GET /call?phone=%CallerNumber%&name=%CallerDisplayName% — the 3CX "Open contact URL". No token is
 * possible, so only loopback peers (checked by the server) and no page-triggered requests (browser guard).
 */
export function handleContactUrl(
  req: IncomingMessage,
  res: ServerResponse,
  context: { intake: CallIntake; urlParameters: Readonly<Record<string, string>>; query: string; guard: BrowserGuardOptions },
): void {
  const page = (status: number, title: string, message: string, success: boolean) =>
    sendHtml(res, status, renderClosePage(title, message, success), CLOSE_PAGE_HEADERS);
  const refuse = (status: number, error: AppError) => {
    context.intake.reportRefused(error, 'url');
    page(status, 'Call not shown', `${error.message} (${error.code})`, false);
  };

  const refusal = browserRefusal(req.headers, context.guard);
  if (refusal) return refuse(403, refusal);
  const intent = parseContactUrlQuery(context.query, context.urlParameters);
  if (!intent.ok) return refuse(400, intent.error);
  const accepted = context.intake.acceptIncomingCall(intent.value, 'url');
  if (!accepted.ok) return refuse(400, accepted.error);
  const who = intent.value.withheld ? 'a withheld number' : intent.value.number;
  page(
    200,
    'Call shown in iTop CTI Companion',
    accepted.value.duplicate ? `The call from ${who} is already shown.` : `The call from ${who} is shown in iTop CTI Companion.`,
    true,
  );
}
