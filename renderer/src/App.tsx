import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/ipc/contract';
import { call, errorKey } from './api/client';
import {
  announce,
  clearOnNavigation,
  STATUS_CLEAR_MS,
  useAnnouncer,
  useClearOnChange,
} from './announcer';
import { changeLanguage } from './i18n';
import { useRoute } from './router';
import { BackupsScreen } from './screens/BackupsScreen';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { HomeScreen } from './screens/HomeScreen';
import { JourneyScreen } from './screens/JourneyScreen';
import { PricesScreen } from './screens/PricesScreen';

// The program analysis is for program staff, not the workshop table: loaded only when opened,
// so the workshop screens start without it.
const ProgramScreen = lazy(() =>
  import('./screens/ProgramScreen').then((m) => ({ default: m.ProgramScreen })),
);

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  async function onChange(language: Language) {
    await changeLanguage(language);
    try {
      await call('settings:set', { language });
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
  }
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        className="select"
        value={i18n.language}
        onChange={(e) => void onChange(e.target.value as Language)}
        data-testid="language"
      >
        <option value="da">{t('language.da')}</option>
        <option value="en">{t('language.en')}</option>
      </select>
    </label>
  );
}

/**
 * The status line. It is cleared when the screen changes (a message from the home screen means
 * nothing on a journey) and a plain message after STATUS_CLEAR_MS; an error stays until the next
 * message or screen, so it is not missed.
 */
function StatusBar({ screen }: { screen: string }) {
  const message = useAnnouncer((s) => s.message);
  const tone = useAnnouncer((s) => s.tone);
  const seq = useAnnouncer((s) => s.seq);
  const clear = useAnnouncer((s) => s.clear);
  useClearOnChange(screen, clearOnNavigation);

  useEffect(() => {
    if (!message || tone === 'error') return;
    const timer = window.setTimeout(() => clear(seq), STATUS_CLEAR_MS);
    return () => window.clearTimeout(timer);
  }, [message, tone, seq, clear]);

  return (
    <div
      className={`status-bar status-${tone}${message ? '' : ' status-empty'}`}
      role="status"
      aria-live="polite"
      data-testid="status"
    >
      {/* The key makes a repeated message be announced again. */}
      <span key={seq}>{message}</span>
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.name === 'journey' ? (
          <JourneyScreen key={route.id} journeyId={route.id} />
        ) : route.name === 'catalogue' ? (
          <CatalogueScreen />
        ) : route.name === 'prices' ? (
          <PricesScreen />
        ) : route.name === 'backups' ? (
          <BackupsScreen />
        ) : route.name === 'program' ? (
          <Suspense fallback={<p className="muted">{t('program.loading')}</p>}>
            <ProgramScreen />
          </Suspense>
        ) : (
          <HomeScreen />
        )}
      </main>
      <StatusBar screen={route.name === 'journey' ? `journey/${route.id}` : route.name} />
    </div>
  );
}
