/** Parameter helpers shared by the operations (RestUtils::GetClass, InitTrackingComment). */
import type { CallContext } from '../context';
import { mandatoryParam, phpString, RestError } from '../errors';

/** RestUtils::GetClass; the stray trailing quote is iTop's (applicationextension.inc.php:1895). */
export function requireClass(call: CallContext, params: Record<string, unknown>): string {
  const cls = phpString(mandatoryParam(params, 'class'));
  if (!call.schema.classExists(cls)) throw new RestError(`class: '${cls}' is not a valid class'`);
  return cls;
}

/** RestUtils::InitTrackingComment: writes need a comment (it becomes the history's userinfo). */
export function requireComment(params: Record<string, unknown>): string {
  return phpString(mandatoryParam(params, 'comment'));
}
