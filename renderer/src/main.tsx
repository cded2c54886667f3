// First, before the rest of the code is evaluated: the reads the first screen needs go out now,
// and the main process answers them while the rest is set up (early-reads.ts).
import './start-early';
// A bundled low-vision typeface, so text renders the same on every laptop (Danish needs only
// latin + latin-ext; the 400.css/700.css files carry both ranges and Vite bundles the woff2).
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { StartupStatus } from '../../shared/domain/startup';
import type { Language } from '../../shared/ipc/contract';
import { call } from './api/client';
import { App } from './App';
import { earlyReads } from './early-reads';
import { addPlainZero } from './components/plain-zero';
import { changeLanguage, initI18n } from './i18n';
import { UnlockScreen } from './screens/UnlockScreen';

/** The language stored in the database; null when it cannot be read. */
async function storedLanguage(): Promise<Language | null> {
  try {
    return (await call('settings:get', {})).language;
  } catch {
    // Danish is the default; the screens show the bridge error when they try to load data.
    return null;
  }
}

/**
 * The app, or first the passphrase when the database waits for one (no keychain on this
 * computer): the language stored in the database is known only after it is open.
 */
function Root(props: { status: StartupStatus }) {
  const [locked, setLocked] = useState(props.status.state === 'locked' ? props.status : null);
  if (locked) {
    return (
      <UnlockScreen
        firstStart={locked.firstStart}
        onUnlocked={() => {
          void storedLanguage().then(async (language) => {
            if (language) await changeLanguage(language);
            setLocked(null);
          });
        }}
      />
    );
  }
  return <App />;
}

async function start() {
  // Loaded beside the first calls, before anything is drawn or measured (a few kB, local).
  const zero = addPlainZero();
  let status: StartupStatus = { state: 'ready' };
  try {
    status = await (earlyReads()?.status ?? call('startup:status', {}));
  } catch {
    // No answer: the screens show the bridge error when they try to load data.
  }
  // Read early only counts when the database was open then (else it is read after unlocking).
  const language =
    status.state === 'ready' ? await (earlyReads()?.language ?? storedLanguage()) : null;
  initI18n(language ?? 'da');
  await zero;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root status={status} />
    </StrictMode>,
  );
}

void start();
