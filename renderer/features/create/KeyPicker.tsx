import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickerResult } from '../../../shared/contract/forms';
import { useBridge } from '../../stores/stores-context';

const DEBOUNCE_MS = 250;

export interface KeyPickerProps {
  readonly id: string;
  readonly formClass: string;
  /** Absent: objects of `formClass` itself. */
  readonly attribute?: string;
  /** The current object: its name, never its id, is what the agent reads. */
  readonly value: { id: string; name: string } | null;
  /** The form's values the scope reads, sent with every search. */
  readonly scope: () => Record<string, string | number>;
  /** Labels of the attributes the scope still lacks ("Organization"). */
  readonly labelOf: (code: string) => string;
  readonly required: boolean;
  readonly invalid: boolean;
  readonly describedBy?: string;
  readonly onChange: (next: { id: string; name: string } | null) => void;
}

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'done'; result: PickerResult } | { state: 'error'; message: string };

/**
 * An external key as a search-as-you-type combobox: it shows the object's name; typing searches iTop by name
 * (debounced, within the attribute's scope) and choosing an option sets the id behind the scenes.
 */
export function KeyPicker(props: KeyPickerProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [open, setOpen] = useState(false);
  /** What the agent typed since the list opened; null shows the current name. */
  const [text, setText] = useState<string | null>(null);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [active, setActive] = useState(0);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => {
    if (!open) return undefined;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setSearch({ state: 'searching' });
      const search = { class: props.formClass, text: text ?? '', values: props.scope(), ...(props.attribute ? { attribute: props.attribute } : {}) };
      void bridge.invoke('form:search', search).then((r) => {
        // Only the answer to the latest text counts: earlier ones may arrive later.
        if (mine !== seq.current) return;
        setActive(0);
        setSearch(r.ok ? { state: 'done', result: r.value } : { state: 'error', message: r.error.message });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // props.scope is read when the search runs, not a reason to search again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, text, bridge, props.formClass, props.attribute]);

  const close = () => {
    seq.current += 1;
    setOpen(false);
    setText(null);
    setSearch({ state: 'idle' });
  };
  const choose = (option: { id: string; name: string }) => {
    props.onChange(option);
    close();
  };
  const options = search.state === 'done' ? search.result.options : [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      else if (options.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="picker">
      <div className="picker__row">
        <input
          id={props.id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-required={props.required || undefined}
          aria-invalid={props.invalid || undefined}
          aria-describedby={props.describedBy}
          aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
          placeholder={t('form.searchPlaceholder')}
          value={text ?? props.value?.name ?? ''}
          onChange={(e) => {
            setOpen(true);
            setText(e.target.value);
          }}
          // Focus lists what the scope allows (the organization's services…), the name selected for typing over.
          onFocus={(e) => {
            e.target.select();
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(close, 150)}
        />
        {props.value && !props.required && (
          <button type="button" className="icon-button picker__clear" aria-label={t('form.clear')} onClick={() => props.onChange(null)}>
            ×
          </button>
        )}
      </div>
      {open && (
        <div className="picker__popup">
          {search.state === 'searching' && <p className="hint" role="status">{t('form.searching')}</p>}
          {search.state === 'error' && <p className="hint hint--danger" role="alert">{search.message}</p>}
          {search.state === 'done' && search.result.missing.length > 0 && (
            <p className="hint" role="status">{t('form.needsFirst', { fields: search.result.missing.map(props.labelOf).join(', ') })}</p>
          )}
          {search.state === 'done' && search.result.missing.length === 0 && options.length === 0 && <p className="hint" role="status">{t('form.noMatch')}</p>}
          <ul id={listId} role="listbox" className="picker__list" aria-label={t('form.results')}>
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${o.id}`}
                role="option"
                aria-selected={i === active}
                className="picker__option"
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                {o.name}
              </li>
            ))}
          </ul>
          {search.state === 'done' && search.result.total > options.length && (
            <p className="hint">{t('form.more', { shown: options.length, total: search.result.total })}</p>
          )}
        </div>
      )}
    </div>
  );
}
