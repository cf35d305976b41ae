/**
 * core/apply_stimulus (restservices L434-501): fields first, then the transition; an invalid
 * stimulus or a missing mandatory attribute of the target state saves nothing. The emptiness test
 * is PHP 8's `$value == ''`, which an unset external key (integer 0) passes: those are not caught.
 */
import { lifecycleOf } from '../../model/lifecycles';
import type { CallContext } from '../context';
import { withObjects, type Envelope } from '../envelope';
import { mandatoryParam, phpString } from '../errors';
import { findObjectFromKey } from '../keys';
import { fieldSpec, objectResult } from '../output';
import { ACTION_VERB, denied, isAllowed } from '../rights';
import { applyFields } from '../values';
import { checkToWrite, computeValues } from '../write';
import { requireClass, requireComment } from './common';

export function coreApplyStimulus(call: CallContext, params: Record<string, unknown>): Envelope {
  requireComment(params);
  const cls = requireClass(call, params);
  const key = mandatoryParam(params, 'key');
  const fields = mandatoryParam(params, 'fields');
  const spec = fieldSpec(call, cls, params.output_fields);
  const stimulus = phpString(mandatoryParam(params, 'stimulus'));
  const obj = findObjectFromKey(call, cls, key, false);
  if (!obj) throw new Error('unreachable: findObjectFromKey without allowNull');
  const values = { ...obj.values };
  const changed = applyFields(call, obj.finalClass, values, fields);
  if (!isAllowed(call.schema, call.account, cls, 'modify')) return { ...denied(ACTION_VERB.modify, cls), objects: null };
  if (!isAllowed(call.schema, call.account, cls, 'bulk_modify')) return { ...denied(ACTION_VERB.bulk_modify, cls), objects: null };
  const lifecycle = lifecycleOf(obj.finalClass);
  const state = String(values.status ?? '');
  const targetState = lifecycle?.transitions[state]?.[stimulus];
  if (!lifecycle || targetState === undefined) {
    const name = call.reader.friendlyname(obj);
    return withObjects(100, `Invalid stimulus: '${stimulus}' on the object ${name} in state '${state}'`, []);
  }
  const missing = (lifecycle.mandatoryOnEntry[targetState] ?? []).filter((code) => {
    const v = values[code];
    return v === null || v === undefined || v === '';
  });
  if (missing.length > 0) {
    return withObjects(100, `Missing mandatory attribute(s) for applying the stimulus: ${missing.join(', ')}.`, []);
  }
  values.status = targetState;
  changed.add('status');
  const stamp = lifecycle.stampOnEntry[targetState];
  if (stamp) {
    values[stamp] = call.clock.now();
    changed.add(stamp);
  }
  computeValues(call, obj.finalClass, values, false);
  checkToWrite(call, obj.finalClass, values, changed, obj.id);
  const saved = call.store.replace(obj, values);
  return withObjects(0, null, [objectResult(call, saved, spec, 0, 'updated')]);
}
