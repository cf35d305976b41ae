import { describe, it, expect } from 'vitest';
import { createI18n, detectLanguage, resolveLanguage } from './i18n';
import { de } from './messages/de';
import { en } from './messages/en';
import { fr } from './messages/fr';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
const at = (o: object, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;

describe('i18n', () => {
  it('follows the first translated OS language', () => {
    expect(detectLanguage(['es-ES', 'fr-CA', 'en'])).toBe('fr');
    expect(detectLanguage(['de_AT'])).toBe('de');
    expect(detectLanguage(['ja', 'pt-BR'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
    expect(resolveLanguage('de', ['fr'])).toBe('de');
    expect(resolveLanguage('auto', ['fr'])).toBe('fr');
  });

  it('translates every key with the same placeholders in French and German', () => {
    for (const other of [fr, de]) {
      expect(keys(other).sort()).toEqual(keys(en).sort());
      for (const k of keys(en)) expect(placeholders(at(other, k)), k).toEqual(placeholders(at(en, k)));
    }
  });

  it('interpolates and pluralizes', async () => {
    const i18n = await createI18n('fr');
    expect(i18n.t('status.outboxFailed', { count: 2 })).toBe('2 journaux d’appel n’ont pas pu être écrits dans iTop');
    await i18n.changeLanguage('de');
    expect(i18n.t('calls.internal', { number: '204' })).toBe('Interne Durchwahl 204');
  });
});
