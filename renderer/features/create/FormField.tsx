import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../shared/itop-model/labels';
import type { FieldState } from './form-state';
import { KeyPicker } from './KeyPicker';

export interface FormFieldProps {
  readonly id: string;
  readonly formClass: string;
  readonly field: FieldState;
  readonly language: string;
  /** The name of the object an external key points at: undefined while it is read, null when iTop has none. */
  readonly name: string | null | undefined;
  /** iTop's reason for refusing this value, or "required" found before sending. */
  readonly problem: string | undefined;
  readonly scope: () => Record<string, string | number>;
  readonly labelOf: (code: string) => string;
  readonly onChange: (value: string, name?: string) => void;
}

/** One attribute of the quick-create form, in the agent's language, as the input its iTop type calls for. */
export function FormField({ id, formClass, field, language, name, problem, scope, labelOf, onChange }: FormFieldProps) {
  const { t } = useTranslation();
  const { attr } = field;
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  // The problem first: it is what the agent must act on; then where the value came from.
  const describedBy = [problem ? problemId : '', field.origin ? hintId : ''].filter((x) => x !== '').join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': attr.mandatory || undefined,
  };
  let input;
  if (attr.kind === 'enum') {
    input = (
      <select {...common} value={field.value} onChange={(e) => onChange(e.target.value)}>
        {(!attr.mandatory || field.value === '') && <option value="">{t('form.none')}</option>}
        {(attr.values ?? []).map((v) => (
          <option key={v.code} value={v.code}>{labelIn(v.label, language)}</option>
        ))}
        {/* A preset iTop does not list stays visible, so the agent sees what would be sent. */}
        {field.value !== '' && !(attr.values ?? []).some((v) => v.code === field.value) && <option value={field.value}>{field.value}</option>}
      </select>
    );
  } else if (attr.kind === 'extkey') {
    const value = field.value === '' ? null : { id: field.value, name: name === undefined ? t('form.nameLoading') : name === null ? t('form.notFound') : name };
    input = (
      <KeyPicker
        id={id}
        formClass={formClass}
        attribute={attr.code}
        value={value}
        scope={scope}
        labelOf={labelOf}
        required={attr.mandatory}
        invalid={problem !== undefined}
        {...(describedBy ? { describedBy } : {})}
        onChange={(next) => onChange(next?.id ?? '', next?.name)}
      />
    );
  } else if (attr.kind === 'text' || attr.kind === 'html' || attr.kind === 'caselog') {
    input = <textarea {...common} rows={attr.kind === 'caselog' ? 2 : 3} value={field.value} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const type = attr.kind === 'email' ? 'email' : attr.kind === 'phone' ? 'tel' : 'text';
    input = <input {...common} type={type} autoComplete="off" value={field.value} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field">
      <div className="field__head">
        <label htmlFor={id}>{labelIn(attr.label, language)}</label>
        {attr.mandatory && <span className="field__required" title={t('form.requiredMark')}>*</span>}
        {field.origin && (
          <span id={hintId} className="field__source" title={field.source}>
            · {t(field.origin === 'call' ? 'form.fromCall' : 'create.preset')}
          </span>
        )}
      </div>
      {input}
      {problem && <p id={problemId} className="hint hint--danger">{problem}</p>}
    </div>
  );
}
