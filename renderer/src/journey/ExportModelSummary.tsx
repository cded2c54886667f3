import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  ModelPathway,
  ModelTouchpoint,
  PathwayModel,
} from '../../../shared/model/pathway-model';
import { EMOTION_KEYS } from './EmotionFace';
import { formatPathwayDate } from './format';
import { useJourney } from './journey-context';
import { ageRange } from '../program/labels';
import { durationText } from './duration';

/*
 * "What leaves", in words the citizen at the table can read: the model file turned back into
 * the app's own labels (never a vocabulary code), in the file's order. Everything here comes
 * from the model itself, so what is read is what is sent; the file as it is sits behind
 * "Vis filen".
 */

type Lang = 'da' | 'en';

function useNumber() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    maximumFractionDigits: 1,
  });
  return (n: number) => format.format(n);
}

/** The service by its catalogue name; a code the catalogue does not know is named as such. */
function serviceName(
  t: TFunction,
  code: string,
  services: readonly { code: string; label: Record<Lang, string> }[],
  lang: Lang,
) {
  const s = services.find((x) => x.code === code);
  return s ? s.label[lang] : t('program.unknownService', { code });
}

/** "Dag 0", "Dag 31 (kun måneden)" or "Uden dato". */
function dayOf(t: TFunction, tp: ModelTouchpoint, num: (n: number) => string) {
  if (tp.day === null) return t('exportScreen.noDate');
  return t(tp.datePrecision === 'month' ? 'exportScreen.dayMonth' : 'exportScreen.day', {
    day: num(tp.day),
  });
}

function Steps({ pathway, testId }: { pathway: ModelPathway; testId: string }) {
  const { t, i18n } = useTranslation();
  const services = useJourney((s) => s.services);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'da';
  const num = useNumber();
  const indexOf = new Map(pathway.touchpoints.map((tp, i) => [tp.ref, i + 1]));
  return (
    <ol className="export-steps" data-testid={testId}>
      {pathway.touchpoints.map((tp) => {
        const head = [
          dayOf(t, tp, num),
          t(`vocab.sector.${tp.sector}`),
          tp.contactType ? t(`vocab.contactType.${tp.contactType}`) : '',
          tp.serviceCode ? serviceName(t, tp.serviceCode, services, lang) : '',
        ].filter(Boolean);
        const facts = [
          tp.emotion !== null
            ? t('canvas.outlineEmotion', { emotion: t(EMOTION_KEYS[tp.emotion]!) })
            : '',
          tp.durationDays !== null ? durationText(tp.durationDays, t, i18n.language) : '',
          tp.repetitions !== null && tp.repetitions > 1
            ? t('canvas.outlineRepetitions', { count: tp.repetitions })
            : '',
          tp.initiatedBy
            ? t('exportScreen.initiatedBy', { who: t(`vocab.initiator.${tp.initiatedBy}`) })
            : '',
          tp.whatWorked ? t('exportScreen.whatWorked') : '',
        ].filter(Boolean);
        const next = pathway.transitions.filter((tr) => tr.from === tp.ref);
        return (
          <li key={tp.ref} className="export-step" data-testid="export-step">
            <p className="export-step-head">{head.join(' · ')}</p>
            {facts.length > 0 && <p className="export-step-facts">{facts.join(' · ')}</p>}
            {tp.painPoints.map((pp, i) => (
              <p key={i} className="export-step-facts">
                {t('exportScreen.pain', { category: t(`vocab.painCategory.${pp.category}`) })}
                {pp.text !== undefined && (
                  <>
                    {': '}
                    <q className="export-sent-text">{pp.text}</q>
                  </>
                )}
              </p>
            ))}
            {tp.quote !== undefined && (
              <p className="export-step-facts">
                {t('exportScreen.quote')}: <q className="export-sent-text">{tp.quote}</q>
              </p>
            )}
            {next.map((tr, i) => (
              <p key={i} className="export-step-facts">
                {[
                  t('exportScreen.next', {
                    step: indexOf.get(tr.to) ?? '?',
                    kind: t(`vocab.transitionKind.${tr.kind}`),
                  }),
                  tr.quality
                    ? t('canvas.outlineQuality', { quality: t(`vocab.quality.${tr.quality}`) })
                    : '',
                  tr.waitingDays !== null
                    ? t('canvas.outlineWaiting', {
                        count: tr.waitingDays,
                        days: num(tr.waitingDays),
                      })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

function Ideas({ model }: { model: PathwayModel }) {
  const { t } = useTranslation();
  // Ideas point at touchpoints of either map; name them by the map and step the reader sees.
  const stepOf = new Map<string, string>();
  for (const [map, pathway] of [
    ['as_is', model.asIs],
    ['to_be', model.toBe],
  ] as const) {
    pathway.touchpoints.forEach((tp, i) =>
      stepOf.set(tp.ref, t('exportScreen.stepOn', { step: i + 1, map: t(`vocab.map.${map}`) })),
    );
  }
  return (
    <ol className="export-steps" data-testid="export-ideas">
      {model.ideas.map((idea, i) => {
        const facts = [
          idea.aims.length
            ? t('exportScreen.ideaAims', {
                aims: idea.aims.map((a) => t(`vocab.aim.${a}`)).join(', '),
              })
            : '',
          idea.painCategories.length
            ? t('exportScreen.ideaPains', {
                pains: idea.painCategories.map((p) => t(`vocab.painCategory.${p}`)).join(', '),
              })
            : '',
          idea.touchpointRefs.length
            ? t('exportScreen.ideaSteps', {
                steps: idea.touchpointRefs.map((r) => stepOf.get(r) ?? '?').join(', '),
              })
            : '',
        ].filter(Boolean);
        return (
          <li key={i} className="export-step">
            <p className="export-step-head">
              {idea.text !== undefined ? (
                <q className="export-sent-text">{idea.text}</q>
              ) : (
                t('exportScreen.ideaNoText')
              )}
            </p>
            {facts.length > 0 && <p className="export-step-facts">{facts.join(' · ')}</p>}
          </li>
        );
      })}
    </ol>
  );
}

export function ExportModelSummary({ model }: { model: PathwayModel }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const c = model.cohort;
  const notStated = t('exportScreen.notStated');
  const cohort: [string, string][] = [
    [
      t('exportScreen.ageBand'),
      c.ageBand ? t('exportScreen.ageBandValue', { band: ageRange(c.ageBand) }) : notStated,
    ],
    [t('profile.sex'), c.sex ? t(`profile.sexes.${c.sex}`) : notStated],
    [
      t('profile.municipality'),
      c.municipality ? t(`profile.municipalities.${c.municipality}`) : notStated,
    ],
    [t('profile.household'), c.household ? t(`profile.households.${c.household}`) : notStated],
    [t('profile.employment'), c.employment ? t(`profile.employments.${c.employment}`) : notStated],
    [
      t('profile.conditions'),
      c.conditionGroups.length
        ? c.conditionGroups.map((g) => t(`profile.conditionGroups.${g}`)).join(', ')
        : notStated,
    ],
  ];
  const pathways = [
    { map: 'as_is' as const, pathway: model.asIs },
    { map: 'to_be' as const, pathway: model.toBe },
  ].filter((p) => p.map === 'as_is' || p.pathway.touchpoints.length > 0);

  return (
    <div className="export-model" data-testid="export-model">
      <p className="muted">{t('exportScreen.modelIntro')}</p>
      <h4 id={`${id}-cohort`} className="export-model-title">
        {t('exportScreen.cohortTitle')}
      </h4>
      <dl className="export-facts" aria-labelledby={`${id}-cohort`} data-testid="export-cohort">
        {cohort.map(([term, value]) => (
          <div key={term} className="export-fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {pathways.map(({ map, pathway }) => (
        <section key={map} aria-labelledby={`${id}-${map}`}>
          <h4 id={`${id}-${map}`} className="export-model-title">
            {t('exportScreen.pathwayTitle', {
              map: t(`vocab.map.${map}`),
              count: pathway.touchpoints.length,
            })}
          </h4>
          {pathway.touchpoints.length === 0 ? (
            <p className="muted">{t('exportScreen.pathwayEmpty')}</p>
          ) : (
            <Steps pathway={pathway} testId={`export-steps-${map}`} />
          )}
        </section>
      ))}
      {model.ideas.length > 0 && (
        <section aria-labelledby={`${id}-ideas`}>
          <h4 id={`${id}-ideas`} className="export-model-title">
            {t('exportScreen.ideasTitle', { count: model.ideas.length })}
          </h4>
          <Ideas model={model} />
        </section>
      )}
      <h4 className="export-model-title">{t('exportScreen.removedTitle')}</h4>
      <ul className="removed-list">
        <li>{t('exportScreen.removed1')}</li>
        <li>{t('exportScreen.removed2')}</li>
        <li>{t('exportScreen.removed3')}</li>
        <li>{t('exportScreen.removed4')}</li>
      </ul>
      <p className="export-step-facts">
        {t('exportScreen.fileFacts', {
          month: formatPathwayDate(model.exportMonth, i18n.language),
          profile: t(`exportScreen.profiles.${model.anonymisationProfile}`),
          schema: model.schemaVersion,
          vocabulary: model.vocabularyVersion,
        })}
      </p>
      <details className="export-raw" data-testid="export-raw">
        <summary className="export-raw-summary">{t('exportScreen.showFile')}</summary>
        <p className="export-step-facts">{t('exportScreen.fileHelp')}</p>
        {/* Focusable so keyboard users can scroll the file (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <pre className="model-preview" tabIndex={0} data-testid="model-preview">
          {JSON.stringify(model, null, 2)}
        </pre>
      </details>
    </div>
  );
}
