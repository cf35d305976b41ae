import { describe, expect, it } from 'vitest';
import { AppConfigSchema } from '../config/app-config';
import { validateConfig } from '../config/validate-config';
import { createItopModel, labelIn } from './model';

describe('the forms\' iTop model', () => {
  it('inherits Ticket\'s attributes first, then the class\'s own, with iTop\'s labels in the agent\'s language', () => {
    const ur = createItopModel().resolve('UserRequest');
    expect(ur?.attributes.slice(0, 3).map((a) => a.code)).toEqual(['org_id', 'caller_id', 'team_id']);
    expect(ur?.lineage).toEqual(['UserRequest', 'Ticket']);
    const origin = ur?.attributes.find((a) => a.code === 'origin');
    expect(origin && [labelIn(origin.label, 'en'), labelIn(origin.label, 'fr-CA'), labelIn(origin.label, 'de')]).toEqual(['Origin', 'Origine', 'Herkunft']);
    expect(origin?.values?.map((v) => labelIn(v.label, 'fr'))).toEqual(['En personne', 'Chat', 'Email', 'Téléphone', 'Portail']);
    expect(labelIn({ en: 'Caller' }, 'de')).toBe('Caller');
  });

  it('takes custom classes and fields from the configuration: a new field, a redefined one, a new class with a parent', () => {
    const config = AppConfigSchema.parse({
      forms: {
        classes: {
          UserRequest: { attributes: [{ code: 'contract_ref', kind: 'string', label: { en: 'Contract', fr: 'Contrat' }, mandatory: true }, { code: 'origin', kind: 'enum', label: { en: 'Channel' }, values: [{ code: 'phone', label: { en: 'Phone' } }] }] },
          HardwareRequest: { parent: 'UserRequest', label: { en: 'Hardware request' }, attributes: [{ code: 'asset_id', kind: 'extkey', target: 'Organization', label: { en: 'Asset' } }] },
        },
      },
    });
    const model = createItopModel(config.forms.classes);
    expect(model.attribute('UserRequest', 'contract_ref')).toMatchObject({ mandatory: true, kind: 'string' });
    expect(model.attribute('UserRequest', 'origin')?.values?.map((v) => v.code)).toEqual(['phone']);
    const hw = model.resolve('HardwareRequest');
    expect(hw?.attributes.map((a) => a.code)).toEqual(expect.arrayContaining(['org_id', 'title', 'contract_ref', 'asset_id']));
    expect(hw?.form).toEqual(model.resolve('UserRequest')?.form);
  });

  it('ignores a parent loop instead of recursing forever', () => {
    const model = createItopModel({ A: { parent: 'B', attributes: [] }, B: { parent: 'A', attributes: [] } });
    expect(model.resolve('A')?.lineage ?? []).not.toContain(undefined);
  });

  it('reports a bad forms configuration by key and keeps the built-in model', () => {
    const { config, issues } = validateConfig({ forms: { classes: { UserRequest: { attributes: [{ code: 'x', kind: 'enum', label: { en: 'X' } }] } } } }, { generateToken: () => 'x'.repeat(32), agentTimeZone: 'UTC' });
    expect(issues.map((i) => i.path)).toContain('forms.classes.UserRequest.attributes[0].values');
    expect(createItopModel(config.forms.classes).attribute('UserRequest', 'x')).toBeUndefined();
  });
});
