import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.component';
import { initI18n } from './i18n/i18n';
import { pickLanguage } from './i18n/language';
import { readStoredLanguage } from './i18n/language-storage';
import { registerServiceWorker } from './pwa/register-service-worker';
import './styles/app.css';

// Until /api/me answers there is no user language yet; the app adopts it then if nothing is stored.
initI18n(
  pickLanguage({
    stored: readStoredLanguage(),
    userLanguage: null,
    browserLanguages: navigator.languages,
  }),
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The offline app shell (see pwa/service-worker.ts); never in development, where Vite serves
// modules that change on every edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerServiceWorker(navigator.serviceWorker);
}
