import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import logoUrl from '../assets/logo.svg';
import { Icon } from './components/Icon';
import { CallsPage } from './features/calls/CallsPage';
import { DialShortcut } from './features/dial/DialShortcut';
import { HistoryPage } from './features/history/HistoryPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { useFirstRunRedirect } from './features/settings/use-first-run';
import { StatusBar } from './features/status/StatusBar';
import { TicketDialog } from './features/ticket/TicketDialog';
import { useLanguageFromSettings } from './i18n/use-language-from-settings';
import { openMissed } from './stores/history-store';
import { useHistoryEntries, useNotice, usePage, useUiActions } from './stores/stores-context';
import type { Page } from './stores/ui-store';

const PAGES: Page[] = ['calls', 'history', 'settings'];

export function App() {
  const { t } = useTranslation();
  const page = usePage();
  useLanguageFromSettings();
  useFirstRunRedirect();
  return (
    <div className="app">
      <header className="topbar">
        <img className="topbar__logo" src={logoUrl} alt="" width="22" height="22" />
        <h1 className="topbar__title">{t('app.title')}</h1>
        <Tabs />
      </header>
      <StatusBar />
      <Notice />
      <DialShortcut />
      <main className="content" id={`panel-${page}`} role="tabpanel" aria-labelledby={`tab-${page}`}>
        {page === 'calls' && <CallsPage />}
        {page === 'history' && <HistoryPage />}
        {page === 'settings' && <SettingsPage />}
      </main>
      <TicketDialog />
    </div>
  );
}

/** Tabs with roving focus: arrow keys move between sections (WAI-ARIA tabs pattern). */
function Tabs() {
  const { t } = useTranslation();
  const page = usePage();
  const { pageChosen } = useUiActions();
  const missed = openMissed(useHistoryEntries()).length;
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = PAGES[(PAGES.indexOf(page) + step + PAGES.length) % PAGES.length] ?? 'calls';
    pageChosen(next);
    refs.current[next]?.focus();
  };
  return (
    <nav className="tabs" role="tablist" aria-label={t('app.nav')} onKeyDown={onKey}>
      {PAGES.map((p) => (
        <button
          key={p}
          ref={(el) => {
            refs.current[p] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${p}`}
          aria-selected={page === p}
          aria-controls={`panel-${p}`}
          tabIndex={page === p ? 0 : -1}
          className="tab"
          onClick={() => pageChosen(p)}
        >
          {t(`app.${p}`)}
          {p === 'history' && missed > 0 && <span className="count count--danger" aria-label={`(${missed})`}>{missed}</span>}
        </button>
      ))}
    </nav>
  );
}

function Notice() {
  const { t } = useTranslation();
  const notice = useNotice();
  const { noticeDismissed } = useUiActions();
  if (!notice) return null;
  return (
    <div className="banner banner--warning" role="alert">
      <span className="banner__text">{notice}</span>
      <button type="button" className="icon-button" aria-label={t('app.dismissNotice')} onClick={noticeDismissed}>
        <Icon name="close" />
      </button>
    </div>
  );
}
