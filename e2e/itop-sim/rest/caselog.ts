/**
 * Case log writes (AttributeCaseLog::FromJSONToValue, ormCaseLog::AddLogEntry[FromJSON]):
 * a plain string appends an HTML entry by the current user; {"add_item": {…}} appends one entry;
 * {"items": […]} replaces the log. Only administrators may choose the author.
 */
import { isAdmin } from '../accounts';
import type { CaseLogEntry } from '../model/types';
import type { CallContext } from './context';
import { isPlainObject, phpString, RestError } from './errors';
import { escapeHtml, htmlToText, sanitizeHtml } from './html';
import { parseDateTime } from './dates';

export function writeCaseLog(call: CallContext, code: string, current: readonly CaseLogEntry[], value: unknown): CaseLogEntry[] {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    return text === '' ? [...current] : [...current, entry(call, code, { message: text })];
  }
  if (isPlainObject(value)) {
    if (isPlainObject(value.add_item)) return [...current, entry(call, code, value.add_item)];
    if (Array.isArray(value.items)) {
      return value.items.map((item) => {
        if (!isPlainObject(item)) throw new RestError(`Wrong format for a case log item`);
        return entry(call, code, item);
      });
    }
  }
  if (value === null) return [...current];
  throw new RestError(`Wrong format for a case log, expecting a string, {"add_item":{…}} or {"items":[…]}`);
}

function entry(call: CallContext, code: string, item: Record<string, unknown>): CaseLogEntry {
  if (item.message === undefined || item.message === null) throw new RestError("Missing mandatory entry: 'message'");
  const message = phpString(item.message);
  const asText = item.format === 'text';
  let userId = call.user ? String(call.user.id) : '0';
  let userLogin = call.user ? call.reader.friendlyname(call.user) : call.account.login;
  if (item.user_id !== undefined || item.user_login !== undefined) {
    if (!isAdmin(call.account)) throw new RestError('Only administrators can set the user id', 1);
    if (item.user_id !== undefined) userId = phpString(item.user_id);
    const named = item.user_login !== undefined ? phpString(item.user_login) : undefined;
    const author = Number(userId) > 0 ? call.store.get('User', Number(userId)) : undefined;
    userLogin = named ?? (author ? call.reader.friendlyname(author) : userLogin);
  }
  let date = call.clock.now();
  if (item.date !== undefined && item.date !== null && item.date !== '') {
    const parsed = parseDateTime(call, item.date, 'datetime');
    if (parsed === undefined) throw new RestError(`Wrong format for date "${phpString(item.date)}", expecting "Y-m-d H:i:s"`);
    date = parsed;
  }
  if (asText) {
    return { date, userLogin, userId, message, messageHtml: escapeHtml(message).replace(/\r?\n/g, '<br/>') };
  }
  const html = sanitizeHtml(message);
  return { date, userLogin, userId, message: htmlToText(html), messageHtml: html };
}
