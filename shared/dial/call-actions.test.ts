import { describe, expect, it } from 'vitest';
import { validateConfig } from '../config';
import { callActionsFor, dialAttributeOf, urlParamsForNumber } from './call-actions';

const configWith = (ecall_parameters?: unknown) =>
  validateConfig({ telephony: ecall_parameters ? { ecall_parameters } : {}, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;

const V12 = {
  url: 'https://myctiserver/index.php',
  url_parameters: {
    phone: { icon: 'fas fa-phone', attributes: { telephone: 'phone', mailaddress: 'email' } },
    mobile_phone: { icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' } },
  },
};
const V11 = { url: 'https://myctiserver/index.php', url_parameters: { telephone: 'phone', mailaddress: 'email' } };
const camille = { id: '42', name: 'Camille Martin', fields: { phone: '+33 1 23 45 67 89', mobile_phone: '+33 6 12 34 56 78', email: 'camille.martin@acme.fr' } };

describe('callActionsFor', () => {
  it('1.2 form: one action per configured entry, numbers formatted, the URL number as dial string', () => {
    const config = configWith(V12);
    expect(callActionsFor(config.telephony.ecall_parameters, camille, { phone: config.phone, format: 'e164' })).toEqual([
      {
        name: 'phone', icon: 'fas fa-phone', attribute: 'phone', raw: '+33 1 23 45 67 89', display: '01 23 45 67 89', e164: '+33123456789', dialString: '+33123456789',
        urlParams: [['telephone', '+33123456789'], ['mailaddress', 'camille.martin@acme.fr']],
      },
      {
        name: 'mobile_phone', icon: 'fa fa-mobile', attribute: 'mobile_phone', raw: '+33 6 12 34 56 78', display: '06 12 34 56 78', e164: '+33612345678', dialString: '+33612345678',
        urlParams: [['telephone', '+33612345678']],
      },
    ]);
  });

  it('hides an action whose attribute is empty (or blank)', () => {
    const config = configWith(V12);
    const lea = { id: '44', name: 'Léa Dubois', fields: { phone: '0033123456791', mobile_phone: '  ', email: '' } };
    const actions = callActionsFor(config.telephony.ecall_parameters, lea, { phone: config.phone, format: 'national' });
    expect(actions.map((a) => [a.name, a.dialString])).toEqual([['phone', '0123456791']]);
    expect(callActionsFor(config.telephony.ecall_parameters, { id: '1', name: 'x', fields: {} }, { phone: config.phone, format: 'e164' })).toEqual([]);
  });

  it('1.1 (legacy) form: one action, the phone attribute found among the parameters', () => {
    const config = configWith(V11);
    const [action, ...rest] = callActionsFor(config.telephony.ecall_parameters, camille, { phone: config.phone, format: 'international-idd' });
    expect(rest).toEqual([]);
    expect(action).toMatchObject({ name: 'legacy', attribute: 'phone', dialString: '0033123456789', urlParams: [['telephone', '0033123456789'], ['mailaddress', 'camille.martin@acme.fr']] });
  });

  it('without ecall_parameters offers phone and mobile_phone', () => {
    const config = configWith();
    expect(callActionsFor(config.telephony.ecall_parameters, camille, { phone: config.phone, format: 'e164' }).map((a) => a.attribute)).toEqual(['phone', 'mobile_phone']);
  });

  it('keeps an unreadable stored number visible with the reason, but without a dial string', () => {
    const config = configWith(V12);
    const [action] = callActionsFor(config.telephony.ecall_parameters, { id: '9', name: 'x', fields: { phone: 'call reception' } }, { phone: config.phone, format: 'e164' });
    expect(action).toMatchObject({ name: 'phone', display: 'call reception', urlParams: [['telephone', 'call reception'], ['mailaddress', '']] });
    expect(action?.dialString).toBeUndefined();
    expect(action?.problem).toContain('call reception');
  });

  it('dialAttributeOf / urlParamsForNumber pick the number parameter of an action', () => {
    expect(dialAttributeOf({ name: 'x', icon: '', attributes: { mail: 'email', tel: 'mobile_phone' }, legacy: false })).toEqual({ param: 'tel', attribute: 'mobile_phone' });
    const ecall = configWith(V12).telephony.ecall_parameters;
    expect(urlParamsForNumber(ecall, '+33612345678', 'mobile_phone')).toEqual([['telephone', '+33612345678']]);
    expect(urlParamsForNumber(ecall, '+331', undefined, { email: 'a@b' })).toEqual([['telephone', '+331'], ['mailaddress', 'a@b']]);
  });
});
