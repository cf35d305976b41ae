import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../../../shared/contract/forms';
import type { CreateOutcome, TicketPrefill } from '../../../shared/contract/writes';
import { labelIn } from '../../../shared/itop-model/labels';
import { Icon } from '../../components/Icon';
import { ItopLink } from '../../components/ItopLink';
import { useBridge, useTicketActions } from '../../stores/stores-context';
import { FormField } from './FormField';
import { buildFields, missingFields, nameKey, pickedName, readNames, referencedObjects, scopeValues, setField, submittedFields, type FieldState } from './form-state';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; prefill: TicketPrefill; model: FormModel; fields: FieldState[] };
type Outcome = CreateOutcome | { state: 'error'; message: string };

export interface QuickCreateProps {
  readonly callId: string;
  readonly cls: string;
  readonly label: string;
  readonly onClose: () => void;
}

/**
 * The in-app quick-create form for one class, for one call: iTop's attributes with their labels in the
 * agent's language, mandatory ones first, enums as selects and external keys by name with pickers; the
 * presets the core resolved for the call are filled in and say where they come from. Creates through the
 * outbox; what iTop refuses is shown next to the field.
 */
export function QuickCreate({ callId, cls, label, onClose }: QuickCreateProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const bridge = useBridge();
  const { opened } = useTicketActions();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  /** Names behind ids ("Class:id" → name; null: iTop has no such object). */
  const [names, setNames] = useState<Record<string, string | null>>({});
  const [missing, setMissing] = useState<readonly string[]>([]);
  /** Fields the agent changed since iTop refused them: their reason no longer applies. */
  const [edited, setEdited] = useState<readonly string[]>([]);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const titleId = useId();
  const idBase = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([bridge.invoke('ticket:prefill', { callId, class: cls }), bridge.invoke('form:model', { class: cls })]).then(async ([prefill, model]) => {
      if (!live) return;
      if (!prefill.ok || !model.ok) {
        setLoad({ state: 'error', message: prefill.ok ? (model.ok ? '' : model.error.message) : prefill.error.message });
        return;
      }
      const fields = buildFields(model.value, prefill.value);
      setLoad({ state: 'ready', prefill: prefill.value, model: model.value, fields });
      // Every name the form shows, in one round (the core asks iTop once per class, in parallel).
      const refs = referencedObjects(fields);
      if (refs.length === 0) return;
      const found = await readNames(bridge, refs);
      if (live) setNames(found);
    });
    return () => {
      live = false;
    };
  }, [bridge, callId, cls]);

  if (load.state !== 'ready') {
    return (
      <form className="quick-create" aria-labelledby={titleId}>
        <Head titleId={titleId} label={label} onClose={onClose} />
        {load.state === 'loading' && <p role="status" className="shimmer">{t('create.loading')}</p>}
        {load.state === 'error' && <p role="alert" className="hint hint--danger">{t('create.prefillFailed', { message: load.message })}</p>}
      </form>
    );
  }

  const { fields, model, prefill } = load;
  const labelOf = (code: string) => {
    const attr = model.attributes.find((a) => a.code === code);
    return attr ? labelIn(attr.label, language) : code;
  };
  const change = (code: string, value: string, name?: string) => {
    setNames((n) => ({ ...n, ...pickedName(fields, code, value, name) }));
    setMissing((m) => m.filter((c) => c !== code));
    setEdited((e) => (e.includes(code) ? e : [...e, code]));
    setLoad({ ...load, fields: setField(fields, code, value) });
  };
  const issues = outcome?.state === 'refused' ? outcome.issues : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const empty = missingFields(fields);
    setMissing(empty);
    if (empty.length > 0) {
      formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idBase}-${empty[0]}`)}`)?.focus();
      return;
    }
    setSending(true);
    const r = await bridge.invoke('ticket:create', { callId, class: cls, fields: submittedFields(fields) });
    setSending(false);
    setEdited([]);
    setOutcome(r.ok ? r.value : { state: 'error', message: r.error.message });
    if (r.ok && r.value.state === 'created' && cls !== 'Person') void opened({ class: r.value.class, id: r.value.id });
  };

  return (
    <form ref={formRef} className="quick-create" aria-labelledby={titleId} noValidate onSubmit={(e) => void submit(e)}>
      <Head titleId={titleId} label={label} onClose={onClose} />
      {prefill.problems.map((p) => (
        <p key={p.attribute} className="hint hint--warning">{t('create.presetProblem', { field: labelOf(p.attribute), message: p.message })}</p>
      ))}
      {fields.map((field) => {
        const code = field.attr.code;
        const issue = edited.includes(code) ? undefined : issues.find((i) => i.attribute === code);
        const target = field.attr.target;
        return (
          <FormField
            key={code}
            id={`${idBase}-${code}`}
            formClass={cls}
            field={field}
            language={language}
            name={target && field.value !== '' ? names[nameKey({ class: target, id: field.value })] : undefined}
            problem={issue?.reason ?? (missing.includes(code) ? t('form.required') : undefined)}
            scope={() => scopeValues(fields, model)}
            labelOf={labelOf}
            onChange={(value, name) => change(code, value, name)}
          />
        );
      })}
      {missing.length > 0 && <p role="alert" className="hint hint--danger">{t('form.fillFirst', { fields: missing.map(labelOf).join(', ') })}</p>}
      <OutcomeLine outcome={outcome} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? t('create.sending') : t('create.submit')}
        </button>
        <ItopLink href={prefill.itopUrl} className="button">
          <Icon name="external" /> {t('create.openInItop')}
        </ItopLink>
      </div>
      <ItopPrefillNote prefill={prefill} labelOf={labelOf} display={(code, value) => displayValue(fields, names, language, code, value)} />
    </form>
  );
}

function Head({ titleId, label, onClose }: { titleId: string; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="quick-create__head">
      <h3 id={titleId} className="section-title">{label}</h3>
      <button type="button" className="icon-button" aria-label={t('create.close', { label })} onClick={onClose}>
        <Icon name="close" />
      </button>
    </header>
  );
}

/** A value as the agent reads it: an object's name, an enum's label, the text itself. */
function displayValue(fields: readonly FieldState[], names: Record<string, string | null>, language: string, code: string, value: string): string {
  const attr = fields.find((f) => f.attr.code === code)?.attr;
  if (attr?.kind === 'extkey' && attr.target) return names[nameKey({ class: attr.target, id: value })] ?? '…';
  const option = attr?.kind === 'enum' ? attr.values?.find((v) => v.code === value) : undefined;
  return option ? labelIn(option.label, language) : value;
}

/** What iTop's own form will be prefilled with: the link carries ids, the agent reads names. */
function ItopPrefillNote({ prefill, labelOf, display }: { prefill: TicketPrefill; labelOf: (code: string) => string; display: (code: string, value: string) => string }) {
  const { t } = useTranslation();
  const parts = prefill.fields.filter((p) => p.kind !== 'log').map((p) => `${labelOf(p.attribute)}: ${display(p.attribute, String(p.value))}`);
  if (parts.length === 0) return null;
  return <p className="hint">{t('form.itopPrefill', { values: parts.join(' · ') })}</p>;
}

function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.state === 'created') return <p role="status" className="hint hint--success">{t('create.created', { ref: outcome.ref })}</p>;
  if (outcome.state === 'queued') return <p role="status" className="hint hint--warning">{t('create.queued', { message: outcome.message })}</p>;
  if (outcome.state === 'refused') {
    return (
      <div role="alert" className="hint hint--danger">
        <p>{t('create.refused')}</p>
        <ul>
          {outcome.issues.map((i) => (
            <li key={i.attribute}>{t('create.issue', { label: i.label, reason: i.reason })}</li>
          ))}
          {outcome.issues.length === 0 && <li>{outcome.message}</li>}
        </ul>
      </div>
    );
  }
  return <p role="alert" className="hint hint--danger">{outcome.message}</p>;
}
