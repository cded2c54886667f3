import { useTranslation } from 'react-i18next';
import { SECTORS, type Sector } from '../../../shared/vocabulary';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { useJourney } from './journey-context';

/**
 * The services of the catalogue by sector, each one button: adding never needs dragging
 * (WCAG 2.5.7) and works with the keyboard.
 */
export function Palette({
  onAdded,
  placeNew,
}: {
  onAdded: (id: string) => void;
  /** Where a new touchpoint of this lane goes: where the user is looking. */
  placeNew: () => number;
}) {
  const { t, i18n } = useTranslation();
  const services = useJourney((s) => s.services);
  const addTouchpoint = useJourney((s) => s.addTouchpoint);
  const lang = i18n.language === 'en' ? 'en' : 'da';

  async function add(sector: Sector, serviceCode?: string) {
    const service = services.find((s) => s.code === serviceCode);
    try {
      const tp = await addTouchpoint({
        sector,
        x: placeNew(),
        ...(service
          ? {
              serviceCode: service.code,
              contactType: service.defaultContactType,
              label: service.label[lang],
            }
          : {}),
      });
      announce(t('canvas.added'));
      onAdded(tp.id);
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
  }

  return (
    <nav
      className="palette"
      id="palette-drawer"
      aria-label={t('canvas.paletteTitle')}
      data-testid="palette"
    >
      <h2 className="section-title">{t('canvas.paletteTitle')}</h2>
      <p className="field-help">{t('canvas.paletteHelp')}</p>
      {SECTORS.map((sector) => {
        const items = services.filter((s) => s.sector === sector && !s.hidden);
        const lane = t(`vocab.sector.${sector}`);
        return (
          <details key={sector} className="palette-group" data-testid={`palette-${sector}`}>
            <summary className="palette-summary">{lane}</summary>
            <ul className="palette-list">
              {items.map((s) => (
                <li key={s.code}>
                  <button
                    type="button"
                    className="palette-item"
                    aria-label={t('canvas.paletteAddNamed', { service: s.label[lang] })}
                    onClick={() => void add(sector, s.code)}
                    data-testid="palette-item"
                    data-code={s.code}
                  >
                    {s.label[lang]}
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="palette-item palette-other"
                  onClick={() => void add(sector)}
                  data-testid="palette-other"
                >
                  {t('canvas.paletteOther', { lane })}
                </button>
              </li>
            </ul>
          </details>
        );
      })}
    </nav>
  );
}
