import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ringPopupCallId } from './features/popup/popup-route';
import { RingPopup } from './features/popup/RingPopup';
import { getBridge } from './bridge/get-bridge';
import { createI18n, detectLanguage } from './i18n/i18n';
import { StoresProvider } from './stores/stores-context';
import './styles/app.css';

async function main() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const handle = getBridge(window as unknown as Parameters<typeof getBridge>[0]);
  // Start in the OS language; App switches once the core's settings say otherwise.
  const i18n = await createI18n(detectLanguage(navigator.languages));
  // A ring pop-up window loads the same bundle with its own route (electron/core/shell/window-options.ts).
  const popupCallId = ringPopupCallId(window.location.hash);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoresProvider handle={handle}>
          {popupCallId !== undefined ? <RingPopup callId={popupCallId} /> : <App />}
        </StoresProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
