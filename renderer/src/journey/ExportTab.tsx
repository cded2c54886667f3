import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc/contract';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { OutlineView } from './OutlineView';

type Preview = OutputOf<'export:preview'>;
type Text = Preview['texts'][number];
type Format = 'model' | 'ocel' | 'xes' | 'csv';
const FORMATS: { value: Format; key: string }[] = [
  { value: 'model', key: 'exportScreen.formatModel' },
  { value: 'ocel', key: 'exportScreen.formatOcel' },
  { value: 'xes', key: 'exportScreen.formatXes' },
  { value: 'csv', key: 'exportScreen.formatCsv' },
];

/** The scrubbed text with what was masked made visible. */
function Scrubbed({ text }: { text: string }) {
  const parts = text.split(/(\[(?:CPR|TELEFON|E-MAIL|ADRESSE|POSTNUMMER|NAVN)\])/);
  return (
    <>
      {parts.map((p, i) =>
        /^\[[A-Z-]+\]$/.test(p) ? (
          <mark key={i} className="mask">
            {p}
          </mark>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

function TextReview({ item, onToggle }: { item: Text; onToggle: (approved: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li className="card text-review" data-testid="review-text" data-kind={item.kind}>
      <h4 className="subsection-title">{t(`exportScreen.textKind.${item.kind}`)}</h4>
      <div className="review-columns">
        <div>
          <p className="field-label">{t('exportScreen.original')}</p>
          <p className="review-original">{item.original}</p>
        </div>
        <div>
          <p className="field-label">{t('exportScreen.scrubbed')}</p>
          <p className="review-scrubbed" data-testid="review-scrubbed">
            <Scrubbed text={item.scrubbed} />
          </p>
        </div>
      </div>
      {item.allowed ? (
        <label className="checkbox">
          <input
            id={id}
            type="checkbox"
            checked={item.approved}
            onChange={(e) => onToggle(e.target.checked)}
            data-testid="review-approve"
          />
          <span>{t('exportScreen.approve')}</span>
        </label>
      ) : (
        <p className="muted">{t('exportScreen.quotesNotAllowed')}</p>
      )}
    </li>
  );
}

/**
 * The review screen: the journey and exactly the model that would leave, side by side; each
 * free text approved one by one; then the files.
 */
export function ExportTab({
  journeyId,
  onGoToConsent,
}: {
  journeyId: string;
  onGoToConsent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [history, setHistory] = useState<OutputOf<'export:history'>>([]);
  const [formats, setFormats] = useState<Format[]>(['model']);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);

  useEffect(() => {
    let live = true;
    Promise.all([
      call('export:preview', { journeyId }),
      call('export:history', { journeyId }),
    ]).then(([p, h]) => {
      if (!live) return;
      setPreview(p);
      setHistory(h);
    }, fail);
    return () => {
      live = false;
    };
  }, [journeyId, version, fail]);

  if (!preview) return null;
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  async function save() {
    setBusy(true);
    try {
      const r = await call('export:save', { journeyId, formats });
      if (r.cancelled) announce(t('exportScreen.cancelled'));
      else announce(t('exportScreen.saved', { files: r.files.join(', ') }));
      setVersion((v) => v + 1);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="tab-page" aria-labelledby={titleId} data-testid="export-tab">
      <h2 id={titleId} className="section-title">
        {t('exportScreen.title')}
      </h2>
      <p className="lead">{t('exportScreen.intro')}</p>
      <p className="banner banner-warning" role="note">
        {t('exportScreen.honest')}
      </p>
      {!preview.consentExport ? (
        <div className="card" data-testid="export-no-consent">
          <p>{t('exportScreen.noConsent')}</p>
          <button type="button" className="button" onClick={onGoToConsent}>
            {t('exportScreen.goToConsent')}
          </button>
        </div>
      ) : (
        <>
          <div className="review-sides">
            <section className="card" aria-label={t('exportScreen.journeySide')}>
              <h3 className="subsection-title">{t('exportScreen.journeySide')}</h3>
              <OutlineView onEdit={() => undefined} readOnly map="as_is" />
              <OutlineView onEdit={() => undefined} readOnly map="to_be" />
            </section>
            <section className="card" aria-label={t('exportScreen.modelSide')}>
              <h3 className="subsection-title">{t('exportScreen.modelSide')}</h3>
              <ul className="removed-list">
                <li>{t('exportScreen.removed1')}</li>
                <li>{t('exportScreen.removed2')}</li>
                <li>{t('exportScreen.removed3')}</li>
                <li>{t('exportScreen.removed4')}</li>
              </ul>
              {/* Focusable so keyboard users can scroll the model (axe: scrollable-region-focusable). */}
              {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
              <pre className="model-preview" tabIndex={0} data-testid="model-preview">
                {JSON.stringify(preview.model, null, 2)}
              </pre>
            </section>
          </div>
          <section className="card" aria-labelledby={`${titleId}-texts`}>
            <h3 id={`${titleId}-texts`} className="subsection-title">
              {t('exportScreen.textsTitle')}
            </h3>
            {preview.texts.length === 0 && <p className="muted">{t('exportScreen.textsNone')}</p>}
            <ul className="plain-list">
              {preview.texts.map((item) => (
                <TextReview
                  key={item.key}
                  item={item}
                  onToggle={(approved) => {
                    // Show the choice at once; the preview then follows from the database.
                    setPreview(
                      (cur) =>
                        cur && {
                          ...cur,
                          texts: cur.texts.map((x) =>
                            x.key === item.key ? { ...x, approved } : x,
                          ),
                        },
                    );
                    call('export:approve', { journeyId, key: item.key as never, approved }).then(
                      () => setVersion((v) => v + 1),
                      fail,
                    );
                  }}
                />
              ))}
            </ul>
          </section>
          <fieldset className="card fieldset-card">
            <legend className="subsection-title">{t('exportScreen.formatsTitle')}</legend>
            {FORMATS.map((f) => (
              <label key={f.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={formats.includes(f.value)}
                  onChange={(e) =>
                    setFormats((cur) =>
                      e.target.checked ? [...cur, f.value] : cur.filter((x) => x !== f.value),
                    )
                  }
                  data-testid={`export-format-${f.value}`}
                />
                <span>{t(f.key)}</span>
              </label>
            ))}
            <button
              type="button"
              className="button button-primary"
              disabled={busy || formats.length === 0}
              onClick={() => void save()}
              data-testid="export-save"
            >
              {t('exportScreen.save')}
            </button>
          </fieldset>
        </>
      )}
      <section className="card" aria-labelledby={`${titleId}-history`}>
        <h3 id={`${titleId}-history`} className="subsection-title">
          {t('exportScreen.historyTitle')}
        </h3>
        {history.length === 0 && <p className="muted">{t('exportScreen.historyNone')}</p>}
        <ul className="plain-list" data-testid="export-history">
          {history.map((h) => (
            <li key={h.exportId}>
              {t('exportScreen.historyItem', {
                when: dateFormat.format(new Date(h.exportedAt)),
                profile: t(`exportScreen.profiles.${h.profile}`),
                formats: h.formats.join(', '),
              })}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
