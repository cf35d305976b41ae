import type { PhoneConfig } from '../config/app-config';
import type { EcallAction, EcallConfig } from '../config/telephony';
import type { DialFormat } from '../phone';
import { prepareNumber } from './prepare-number';
import type { UrlParams } from './url-template';

/**
 * The call actions of a person (the caller of a ticket, a caller in the panel), as the telephony extension's
 * E-Call builds them from `ecall_parameters`: one per configured action (1.2 form: `phone`, `mobile_phone`…)
 * or the single legacy action (1.1 form). An action whose phone attribute is empty is hidden (extension N°7747).
 */
export interface CallActionPerson {
  readonly id: string;
  readonly name: string;
  /** The person's attribute values as iTop returned them (strings). */
  readonly fields: Readonly<Record<string, string>>;
  /** Region the person's numbers are written in (organization setting); default: the agent's region. */
  readonly region?: string;
}

export interface CallAction {
  /** The extension's action name (`phone`, `mobile_phone`, `legacy`). */
  readonly name: string;
  readonly icon: string;
  /** The Person attribute holding the number this action dials. */
  readonly attribute: string;
  readonly raw: string;
  /** What the agent reads; the raw value when it is not a readable number. */
  readonly display: string;
  readonly e164?: string;
  /** Absent when the value cannot be dialed (`problem` says why). */
  readonly dialString?: string;
  readonly problem?: string;
  /** The URL parameters of the "url" method: each mapped attribute's value, the number as its dial string. */
  readonly urlParams: UrlParams;
}

export interface CallActionContext {
  readonly phone: PhoneConfig;
  readonly format: DialFormat;
}

/** Without ecall_parameters the app still offers the two phone attributes every iTop Person has. */
export const DEFAULT_CALL_ACTIONS: readonly EcallAction[] = [
  { name: 'phone', icon: 'fas fa-phone', attributes: { phone: 'phone' }, legacy: false },
  { name: 'mobile_phone', icon: 'fas fa-mobile-alt', attributes: { mobile_phone: 'mobile_phone' }, legacy: false },
];

const PHONE_LIKE = /phone|mobile|tel|fax/i;

/**
 * Which mapping carries the number: the attribute named like the action (`phone` → phone), else the first
 * attribute that looks like a phone (phone, mobile_phone, telephone…), else the first one (`email` alone
 * would be odd, but it is what the admin mapped).
 */
export function dialAttributeOf(action: EcallAction): { param: string; attribute: string } | undefined {
  const mappings = Object.entries(action.attributes);
  const found =
    mappings.find(([, attribute]) => attribute === action.name) ??
    mappings.find(([, attribute]) => PHONE_LIKE.test(attribute)) ??
    mappings[0];
  return found ? { param: found[0], attribute: found[1] } : undefined;
}

export function actionsOf(ecall: EcallConfig | null): readonly EcallAction[] {
  return ecall && ecall.actions.length > 0 ? ecall.actions : DEFAULT_CALL_ACTIONS;
}

/** Every attribute the actions read: what to ask iTop for when reading the person. */
export function actionAttributes(ecall: EcallConfig | null): string[] {
  return [...new Set(actionsOf(ecall).flatMap((action) => Object.values(action.attributes)))];
}

export function callActionsFor(ecall: EcallConfig | null, person: CallActionPerson, ctx: CallActionContext): CallAction[] {
  return actionsOf(ecall).flatMap((action): CallAction[] => {
    const target = dialAttributeOf(action);
    const raw = (target ? person.fields[target.attribute] ?? '' : '').trim();
    if (!target || raw === '') return [];
    const prepared = prepareNumber(raw, ctx.format, ctx.phone, person.region);
    const number = prepared.ok
      ? { display: prepared.value.display, dialString: prepared.value.dialString, ...(prepared.value.e164 ? { e164: prepared.value.e164 } : {}) }
      : { display: raw, problem: prepared.error.message };
    const urlParams = Object.entries(action.attributes).map(([param, attribute]): readonly [string, string] =>
      param === target.param && prepared.ok ? [param, prepared.value.dialString] : [param, (person.fields[attribute] ?? '').trim()],
    );
    return [{ name: action.name, icon: action.icon, attribute: target.attribute, raw, ...number, urlParams }];
  });
}

/**
 * URL parameters for a number dialed without a person (manual dialer, deep link): the chosen (or first)
 * action's mapping, its number parameter set to the dial string, the others from `attributes` when known.
 */
export function urlParamsForNumber(ecall: EcallConfig | null, dialString: string, actionName?: string, attributes: Readonly<Record<string, string>> = {}): UrlParams {
  const actions = actionsOf(ecall);
  const action = actions.find((a) => a.name === actionName) ?? actions[0];
  const target = action ? dialAttributeOf(action) : undefined;
  if (!action || !target) return [];
  return Object.entries(action.attributes).map(([param, attribute]) => [param, param === target.param ? dialString : (attributes[attribute] ?? '').trim()]);
}
