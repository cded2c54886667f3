// A bundled low-vision typeface, so text renders the same on every laptop (Danish needs only
// latin + latin-ext; the 400.css/700.css files carry both ranges and Vite bundles the woff2).
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { App } from './App';
import { initI18n } from './i18n';

async function start() {
  let language: 'da' | 'en' = 'da';
  try {
    language = (await call('settings:get', {})).language;
  } catch {
    // Danish is the default; the screens show the bridge error when they try to load data.
  }
  initI18n(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
