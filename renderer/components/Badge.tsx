import type { ReactNode } from 'react';
import type { Tone } from '../lib/format';

/** A small coloured label; `title` explains what a terse badge means. */
export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
