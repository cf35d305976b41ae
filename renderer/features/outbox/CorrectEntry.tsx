import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../../../shared/contract/forms';
import type { OutboxEntryView } from '../../../shared/contract/writes';
import { labelIn } from '../../../shared/itop-model/labels';
import { useBridge, useOutboxActions } from '../../stores/stores-context';
import { FormField } from '../create/FormField';
import { nameKey, pickedName, readNames, referencedObjects, scopeValues, setField, type FieldState } from '../create/form-state';
import { correctedValues, correctionFields, type Correction } from './correction-fields';

type Load = { state: 'loading' } | { state: 'ready'; model: FormModel | null; correction: Correction; fields: FieldState[] };

/**
 * Edit-and-retry for an entry iTop refused, in the agent's language: the same inputs as the quick-create form
 * (names and pickers for external keys, selects for enumerations), iTop's reason next to the field it named.
 * Only what the agent changed is sent back; a class the model does not describe is edited as plain values.
 */
export function CorrectEntry({ entry, onDone }: { entry: OutboxEntryView; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const bridge = useBridge();
  const { editRequested } = useOutboxActions();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [names, setNames] = useState<Record<string, string | null>>({});
  const base = useId();
  const fallbackLabel = (code: string) => t(`create.field.${code}`, { defaultValue: code });

  useEffect(() => {
    let live = true;
    void bridge.invoke('form:model', { class: entry.class }).then(async (r) => {
      if (!live) return;
      const model = r.ok ? r.value : null;
      const correction = correctionFields(entry, model, fallbackLabel);
      setLoad({ state: 'ready', model, correction, fields: correction.fields });
      const refs = referencedObjects(correction.fields);
      if (refs.length === 0) return;
      const found = await readNames(bridge, refs);
      if (live) setNames(found);
    });
    return () => {
      live = false;
    };
    // The entry's id is what the form corrects; a new status of the same entry must not reset the agent's edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, entry.id]);

  const title = t('outbox.editTitle', { label: entry.label });
  if (load.state === 'loading') return <p role="status" className="hint">{t('create.loading')}</p>;
  const { model, correction, fields } = load;
  const labelOf = (code: string) => {
    const attr = fields.find((f) => f.attr.code === code)?.attr ?? model?.attributes.find((a) => a.code === code);
    return attr ? labelIn(attr.label, language) : fallbackLabel(code);
  };
  const change = (code: string, value: string, name?: string) => {
    setNames((n) => ({ ...n, ...pickedName(fields, code, value, name) }));
    setLoad({ ...load, fields: setField(fields, code, value) });
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await editRequested(entry.id, correctedValues(correction.fields, fields, entry.fields))) onDone();
  };
  return (
    <form className="inline-form" aria-label={title} noValidate onSubmit={(e) => void save(e)}>
      {fields.map((field) => {
        const code = field.attr.code;
        const target = field.attr.target;
        return (
          <FormField
            key={code}
            id={`${base}-${code}`}
            formClass={entry.class}
            field={field}
            language={language}
            name={target && field.value !== '' ? names[nameKey({ class: target, id: field.value })] : undefined}
            // iTop's reason stands until the agent changes the value it was about.
            problem={field.value === correction.fields.find((f) => f.attr.code === code)?.value ? entry.issues?.find((i) => i.attribute === code)?.reason : undefined}
            scope={() => (model ? scopeValues(fields, model) : {})}
            labelOf={labelOf}
            onChange={(value, name) => change(code, value, name)}
          />
        );
      })}
      {correction.pending.map((p) => (
        <p key={p.code} className="hint">{t('outbox.pendingReference', { label: labelOf(p.code), value: p.value })}</p>
      ))}
      <div className="actions">
        <button type="submit" className="button button--primary button--small">{t('outbox.saveRetry')}</button>
        <button type="button" className="button button--small" onClick={onDone}>{t('log.cancel')}</button>
      </div>
    </form>
  );
}
