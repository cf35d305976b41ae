/** list_operations, core/check_credentials and a minimal core/get_related (no CIs are modelled). */
import type { CallContext } from '../context';
import { withObjects, type Envelope } from '../envelope';
import { mandatoryParam, phpString, RestError } from '../errors';
import { objectSetFromKey } from '../keys';
import { ID_AND_NAME, objectResult } from '../output';
import { requireClass } from './common';

export const SUPPORTED_VERSIONS = ['1.0', '1.1', '1.2', '1.3', '1.4'];

const OPERATIONS = [
  ['core/create', 'Create an object'],
  ['core/update', 'Update an object'],
  ['core/apply_stimulus', 'Apply a stimulus to change the state of an object'],
  ['core/get', 'Search for objects'],
  ['core/delete', 'Delete objects'],
  ['core/get_related', 'Get related objects through the specified relation'],
  ['core/check_credentials', 'Check user credentials'],
] as const;

export const VERBS: readonly string[] = OPERATIONS.map(([verb]) => verb);

export function listOperations(version: string): Envelope {
  return {
    code: 0,
    message: `Operations: ${OPERATIONS.length}`,
    version,
    operations: OPERATIONS.map(([verb, description]) => ({ verb, description, extension: 'CoreServices' })),
  };
}

/** UserRights::CheckCredentials: login + password of a local user; never reveals who it is. */
export function checkCredentials(call: CallContext, params: Record<string, unknown>): Envelope {
  const user = phpString(mandatoryParam(params, 'user'));
  const password = phpString(mandatoryParam(params, 'password'));
  const account = call.accounts.byLogin(user);
  const authorized = account !== undefined && account.enabled && account.password !== undefined && account.password === password;
  return { code: 0, message: null, authorized };
}

/**
 * The CMDB relations (impacts / depends on) link CIs, which the simulator does not model: every
 * object is its own whole scope, with no related objects.
 */
export function getRelated(call: CallContext, params: Record<string, unknown>): Envelope {
  const cls = requireClass(call, params);
  const key = mandatoryParam(params, 'key');
  const relation = phpString(mandatoryParam(params, 'relation'));
  if (relation !== 'impacts' && relation !== 'depends on') throw new RestError(`Unknown relation '${relation}'`);
  const direction = phpString(params.direction ?? 'down');
  if (direction !== 'up' && direction !== 'down') {
    return withObjects(100, `Invalid value: '${direction}' for the parameter 'direction'. It must be either 'up' or 'down'.`, []);
  }
  const set = objectSetFromKey(call, cls, key);
  const objects = set.objects.map((obj) => objectResult(call, obj, ID_AND_NAME(obj.finalClass), 0, ''));
  return { ...withObjects(0, set.objects.length === 0 ? 'Nothing found' : `Scope: ${set.objects.length}; Related objects: `, objects), relations: [] };
}
