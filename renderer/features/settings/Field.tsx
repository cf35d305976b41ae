import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** A labelled input with an optional hint, wired for screen readers (label + aria-describedby). */
export function Field({ label, hint, ...input }: { label: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? hintId : undefined} {...input} />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Outcome line of a save/test: polite for success, assertive for failure. */
export function Outcome({ tone, children }: { tone: 'ok' | 'error' | 'busy'; children: ReactNode }) {
  return (
    <p className={`outcome outcome--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
