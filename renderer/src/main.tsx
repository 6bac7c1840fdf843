import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { adoptPageToken } from './api/page-token.ts';
import { App } from './app.tsx';
import { i18n } from './i18n.ts';
import './styles.css';

// Before anything reads the address: the token leaves it for this tab's sessionStorage.
adoptPageToken(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
