import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/views';
import { useBridge } from '../../stores/stores-context';
import { KeyPicker } from './KeyPicker';
import { QuickCreate } from './QuickCreate';

/**
 * What can be created from an inbound call (telephony direct_creation / indirect_creation): the direct form
 * opens by itself once per call; each indirect class is a "Create …" button for the selected caller.
 */
export const CreationBar = memo(function CreationBar({ callId, direction, offer, unknownCaller, addableNumber }: CreationBarProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ cls: string; label: string } | null>(null);
  const autoOpened = useRef(false);
  useEffect(() => {
    // The direct form pops with the call, once: closing it is the agent's choice and sticks.
    if (offer?.direct && !autoOpened.current) {
      autoOpened.current = true;
      const cls = offer.direct.class;
      setOpen({ cls, label: offer.indirect.find((i) => i.class === cls)?.label ?? t('create.createClass', { cls }) });
    }
  }, [offer, t]);
  if (!offer || direction !== 'inbound') return null;
  return (
    <div className="creation">
      {offer.indirect.length > 0 && (
        <div className="creation__actions" role="group" aria-label={t('create.group')}>
          {offer.indirect.map((entry) => (
            <button key={entry.class} type="button" className="button button--small" aria-pressed={open?.cls === entry.class} onClick={() => setOpen({ cls: entry.class, label: entry.label })}>
              {entry.label}
            </button>
          ))}
        </div>
      )}
      {open && <QuickCreate key={open.cls} callId={callId} cls={open.cls} label={open.label} onClose={() => setOpen(null)} />}
      {unknownCaller && addableNumber && <AddNumber callId={callId} />}
    </div>
  );
});

interface CreationBarProps {
  readonly callId: string;
  readonly direction: CallView['direction'];
  readonly offer: CallView['create'];
  /** The lookup finished and nobody is selected: offer to put the number on a Person. */
  readonly unknownCaller: boolean;
  /** The number is an external one (E.164), so it can be stored on a Person. */
  readonly addableNumber: boolean;
}

/** CreationBar's props for a call: plain values and the call's own (structurally shared) objects, so it memoizes. */
export function creationBarProps(call: CallView): CreationBarProps {
  return {
    callId: call.callId,
    direction: call.direction,
    offer: call.create,
    unknownCaller: call.callers.state === 'done' && (call.callers.matches.length === 0 || call.selection.kind === 'unknown'),
    addableNumber: call.number.e164 !== undefined && call.number.e164 !== '',
  };
}

/** Unknown caller: put this number on an existing Person, found by name (the index learns it once iTop confirms). */
function AddNumber({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [attribute, setAttribute] = useState('phone');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const personField = useId();
  const attributeField = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      setResult({ ok: false, text: t('form.required') });
      return;
    }
    const r = await bridge.invoke('person:add-number', { callId, personId: person.id, attribute });
    setResult(r.ok ? { ok: true, text: t('create.numberQueued', { name: person.name }) } : { ok: false, text: r.error.message });
  };
  return (
    <details className="disclosure">
      <summary>{t('create.addNumber')}</summary>
      <form className="inline-form" aria-label={t('create.addNumber')} onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={personField}>{t('create.person')}</label>
          <KeyPicker id={personField} formClass="Person" value={person} scope={() => ({})} labelOf={(code) => code} required invalid={false} onChange={setPerson} />
        </div>
        <div className="field">
          <label htmlFor={attributeField}>{t('create.numberAttribute')}</label>
          <select id={attributeField} value={attribute} onChange={(e) => setAttribute(e.target.value)}>
            <option value="phone">{t('create.field.phone')}</option>
            <option value="mobile_phone">{t('create.field.mobile_phone')}</option>
          </select>
        </div>
        <button type="submit" className="button button--small">{t('create.addNumberSubmit')}</button>
        {result && <p role={result.ok ? 'status' : 'alert'} className={`hint ${result.ok ? 'hint--success' : 'hint--danger'}`}>{result.text}</p>}
      </form>
    </details>
  );
}
