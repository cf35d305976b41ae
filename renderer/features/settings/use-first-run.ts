import { useEffect, useRef } from 'react';
import { useAppStatus, useUiActions } from '../../stores/stores-context';

/** First run with no iTop configured: the settings screen (and its setup guide) opens once, by itself. */
export function useFirstRunRedirect(): void {
  const state = useAppStatus()?.itop.state;
  const { pageChosen } = useUiActions();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || state === undefined) return;
    done.current = true;
    if (state === 'not-configured') pageChosen('settings');
  }, [state, pageChosen]);
}
