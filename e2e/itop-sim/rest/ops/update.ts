/** core/update (restservices L405-432): one object by key, fields, DBUpdate, "updated". */
import type { CallContext } from '../context';
import { withObjects, type Envelope } from '../envelope';
import { mandatoryParam } from '../errors';
import { findObjectFromKey, objectSetFromKey } from '../keys';
import { fieldSpec, objectResult } from '../output';
import { ACTION_VERB, denied, isAllowed } from '../rights';
import { applyFields } from '../values';
import { checkToWrite, computeValues } from '../write';
import { requireClass, requireComment } from './common';

export function coreUpdate(call: CallContext, params: Record<string, unknown>): Envelope {
  requireComment(params);
  const cls = requireClass(call, params);
  const key = mandatoryParam(params, 'key');
  const fields = mandatoryParam(params, 'fields');
  const spec = fieldSpec(call, cls, params.output_fields);
  // iTop parses an OQL key once as a set first, so a syntax error reads "Query failed to execute".
  if (typeof key === 'string') objectSetFromKey(call, cls, key);
  const obj = findObjectFromKey(call, cls, key, false);
  if (!obj) throw new Error('unreachable: findObjectFromKey without allowNull');
  // The code checks modify twice and never bulk modify (L415-424).
  if (!isAllowed(call.schema, call.account, cls, 'modify')) return { ...denied(ACTION_VERB.modify, cls), objects: null };
  const values = { ...obj.values };
  const changed = applyFields(call, obj.finalClass, values, fields);
  computeValues(call, obj.finalClass, values, false);
  checkToWrite(call, obj.finalClass, values, changed, obj.id);
  const saved = call.store.replace(obj, values);
  return withObjects(0, null, [objectResult(call, saved, spec, 0, 'updated')]);
}
