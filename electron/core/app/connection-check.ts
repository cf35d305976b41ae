import type { AppStatus } from '../../../shared/contract/views';
import { describeItopError, isLoginFailure, isNotAuthorizedForRest, type ItopClient } from '../itop';

export type ItopStatus = AppStatus['itop'];

/**
 * Who am I to iTop: the Person behind the login (`:current_contact_id`), or why not. "Login refused" and
 * "unreachable" are told apart because the agent fixes them in different places (password vs network/URL).
 */
export async function checkConnection(client: Pick<ItopClient, 'whoAmI' | 'endpoint'>, url: string): Promise<ItopStatus> {
  if (url.trim() === '') return { state: 'not-configured', url, message: 'No iTop URL is configured.' };
  if (client.endpoint === null) return { state: 'not-configured', url, message: 'The iTop settings are incomplete or invalid (URL or credentials).' };
  const me = await client.whoAmI();
  if (me.ok) {
    const person = me.value;
    if (!person) return { state: 'connected', url, message: 'Connected, but this iTop user has no Person: calls are logged without an agent.' };
    const text = (code: string): string => (typeof person.fields[code] === 'string' ? (person.fields[code] as string) : '');
    const organization = text('org_name');
    return {
      state: 'connected',
      url,
      identity: { personId: person.key, name: text('friendlyname') || person.key, ...(organization ? { organization } : {}) },
    };
  }
  const e = me.error;
  if (isLoginFailure(e) || isNotAuthorizedForRest(e)) return { state: 'login-refused', url, message: describeItopError(e) };
  return { state: 'unreachable', url, message: describeItopError(e) };
}
