import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregate, CohortFilter } from '../../../shared/analysis/aggregate';
import { tablesOf } from '../../../shared/analysis/tables';
import type { Service } from '../../../shared/catalogue';
import type { ProgramModel } from '../../../shared/ipc/contract';
import { call, errorKey } from '../api/client';
import { announce, useAnnouncer, useClearOnChange } from '../announcer';
import { allHidden, FigureTable, hasHidden } from '../program/FigureTable';
import { CostViews } from '../program/CostViews';
import { Filters, selectionSummary } from '../program/Filters';
import { HandoverMatrix, matrixHasHidden } from '../program/HandoverMatrix';
import { AllHiddenNotice, HiddenHelpProvider, notesIn } from '../program/HiddenNote';
import { fromDrop, type PickedFile } from '../program/import-files';
import { ImportPanel } from '../program/ImportPanel';
import { formatNumber } from '../program/labels';
import { ModelList } from '../program/ModelList';
import { ProcessMapView } from '../program/ProcessMapView';
import { shownPathways, VariantsView } from '../program/VariantsView';
import { navigate, useRoute } from '../router';
import { TabList, tabId, tabPanelId } from '../components/Tabs';

const TABS = [
  'models',
  'processMap',
  'variants',
  'handovers',
  'emotion',
  'ideas',
  'counts',
  'economy',
] as const;
type Tab = (typeof TABS)[number];

/** The tables each tab lists below its own view (variants have a view of their own). */
const TAB_TABLES: Partial<Record<Tab, string[]>> = {
  handovers: ['handovers'],
  emotion: [
    'emotion-drops',
    'emotion-by-sector',
    'emotion-by-contact',
    'pain-categories',
    'pain-by-aim',
  ],
  ideas: ['ideas'],
  counts: ['services', 'contacts-per-journey', 'journey-length'],
};

/**
 * The program workspace: anonymised models from many workshops, studied together. Every figure
 * comes from the main process already suppressed. The list of models shows each file's own
 * cohort fields (program staff hold those files anyway); no figure, table or export is built
 * from it.
 */
/** A tab's message goes with the tab, however soon the next one opens. */
const clearNow = () => useAnnouncer.getState().clear();

export function ProgramScreen() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  // Back from the price list, the program opens where the list was opened: on Økonomi.
  const [tab, setTab] = useState<Tab>(
    route.name === 'program' && route.tab === 'economy' ? 'economy' : 'models',
  );
  // What was said on one tab («handovers.csv er hentet») is not left standing on the next.
  useClearOnChange(tab, clearNow);
  const [models, setModels] = useState<ProgramModel[]>([]);
  /** Whether the list of models has come: until then, no view says there is none. */
  const [listed, setListed] = useState(false);
  const noModels = listed && models.length === 0;
  const [filter, setFilter] = useState<CohortFilter>({});
  const [k, setK] = useState(5);
  const [aggregate, setAggregate] = useState<Aggregate | null>(null);
  /** Which request the figures shown answer: while it is not the latest, they are dimmed. */
  const [answered, setAnswered] = useState('');
  /** The selection the figures shown were computed for (the fields may have moved on since). */
  const [shownFilter, setShownFilter] = useState<CohortFilter>({});
  const [version, setVersion] = useState(0);
  const [dropping, setDropping] = useState(false);
  const importRef = useRef<((files: PickedFile[]) => void) | null>(null);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  /** Null until loaded: until then a service code is shown as it is, not as unknown. */
  const [catalogue, setCatalogue] = useState<Service[] | null>(null);
  useEffect(() => {
    // The app's header gives its room to the views (styles.css, .on-program); the language is
    // chosen on the home screen.
    document.body.classList.add('on-program');
    return () => document.body.classList.remove('on-program');
  }, []);
  useEffect(() => {
    call('catalogue:list', {}).then(setCatalogue, () => setCatalogue([]));
  }, []);
  const serviceNames = useMemo(
    () =>
      catalogue &&
      new Map(catalogue.map((s) => [s.code, i18n.language === 'en' ? s.label.en : s.label.da])),
    [catalogue, i18n.language],
  );

  useEffect(() => {
    let live = true;
    Promise.all([call('program:list', {}), call('program:getK', {})]).then(
      ([list, settings]) => {
        if (!live) return;
        setModels(list);
        setListed(true);
        setK(settings.k);
      },
      (error: unknown) => announce(t(errorKey(error)), 'error'),
    );
    return () => {
      live = false;
    };
  }, [version, t]);

  const request = JSON.stringify({ filter, k, version });
  const busy = answered !== request;
  useEffect(() => {
    let live = true;
    call('program:aggregate', { filter }).then(
      (a) => {
        if (!live) return;
        setAggregate(a);
        setShownFilter(filter);
        setAnswered(request);
      },
      (error: unknown) => {
        if (!live) return;
        announce(t(errorKey(error)), 'error');
        // Not left "working out" for ever: the figures shown stay dimmed as the old ones.
        setAnswered(request);
        setAggregate(null);
      },
    );
    return () => {
      live = false;
    };
  }, [filter, k, version, request, t]);

  // Files dropped anywhere on the window are imported; without this the browser would open them.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDropping(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDropping(false);
      setTab('models');
      void fromDrop(e.dataTransfer.items).then(
        (files) => importRef.current?.(files),
        (error: unknown) => announce(t(errorKey(error)), 'error'),
      );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [t]);

  /** «Median …: 12» or, when it is hidden, the sentence that says why. */
  const medianLine = (of: 'Contacts' | 'Length', median: number | null, k: number) =>
    median === null
      ? t(`program.median${of}Hidden`, { k })
      : t(`program.median${of}`, { value: formatNumber(i18n.language, median, '') });
  const tables = useMemo(() => (aggregate ? tablesOf(aggregate) : []), [aggregate]);
  const tableNamed = (name: string) => tables.find((x) => x.name === name)!;
  const tabTables = (aggregate ? (TAB_TABLES[tab] ?? []) : [])
    .map(tableNamed)
    // With every handover hidden the matrix says so once; its list would only say it again.
    .filter((table) => !(table.name === 'handovers' && allHidden(table)));
  // The first table of a view with a hidden figure explains «skjult» (the matrix, in its view);
  // the tables below it say it in short.
  const tableNotes = notesIn([
    tab === 'handovers' && aggregate !== null && matrixHasHidden(aggregate),
    ...tabTables.map(hasHidden),
  ]).slice(1);

  return (
    <div className="program" data-testid="program-screen">
      {/* One compact row, and the introduction on the models tab only, under the tabs (which so
          stay where they are from tab to tab): on a 1366×768 laptop the views (the process map
          above all) start above the fold. The views say k themselves (the filters' summary line)
          and explain each hidden figure. */}
      <div className="title-row program-title-row">
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'home' })}
          data-testid="back-home"
        >
          ← {t('program.back')}
        </button>
        <h1 className="page-title program-title">{t('program.title')}</h1>
      </div>
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          {t('program.dropHere')}
        </div>
      )}
      <TabList
        tabs={TABS}
        current={tab}
        onSelect={setTab}
        label={t('program.title')}
        labelOf={(k) => t(`program.tabs.${k}`)}
        prefix="program-"
      />
      <div
        className="tab-panel program-panel"
        role="tabpanel"
        id={tabPanelId('program-', tab)}
        aria-labelledby={tabId('program-', tab)}
      >
        {/* Always mounted, so an import goes on while the user looks at the views. */}
        <div hidden={tab !== 'models'}>
          <p className="lead">{t('program.intro', { k })}</p>
          <ImportPanel importRef={importRef} onImported={refresh} />
          <ModelList models={models} onChanged={refresh} />
        </div>
        {tab === 'models' ? null : (
          <>
            <Filters filter={filter} onFilter={setFilter} k={k} onK={setK} />
            {busy && (
              <p className="muted" role="status" data-testid="computing">
                {t('program.computing')}
              </p>
            )}
            {aggregate && (
              <p className={busy ? 'cohort-line stale' : 'cohort-line'} data-testid="cohort">
                {aggregate.cohort.shown
                  ? t('program.cohort', {
                      count: aggregate.cohort.journeys,
                      n: formatNumber(i18n.language, aggregate.cohort.journeys, ''),
                    })
                  : noModels
                    ? t('program.cohortNone')
                    : t('program.cohortHidden')}
              </p>
            )}
            {aggregate && (
              // What every view needs to explain a hidden figure and what would show more.
              <HiddenHelpProvider
                value={{
                  k: aggregate.k,
                  journeys: aggregate.cohort.shown ? aggregate.cohort.journeys : null,
                  filtered: Object.entries(filter).some(([f, v]) => f !== 'map' && v !== undefined),
                  onImportMore: () => setTab('models'),
                  onClearFilter: () => setFilter({ map: filter.map }),
                }}
              >
                {aggregate.suppressed && noModels ? (
                  // No model at all is not a selection too small: nothing is imported yet, and
                  // a wider selection or a lower k would show nothing more.
                  <div className="notice all-hidden" role="note" data-testid="suppressed">
                    <p>{t('program.suppressed.noModels')}</p>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setTab('models')}
                      data-testid="hidden-import-more"
                    >
                      {t('program.hiddenInfo.importMore')}
                    </button>
                  </div>
                ) : aggregate.suppressed ? (
                  <AllHiddenNotice
                    k={aggregate.k}
                    body={t(`program.suppressed.${aggregate.suppressed}`, { k: aggregate.k })}
                    testId="suppressed"
                  />
                ) : (
                  <div
                    className={busy ? 'program-view stale' : 'program-view'}
                    aria-busy={busy}
                    data-testid={`view-${tab}`}
                  >
                    {tab === 'processMap' && (
                      <ProcessMapView
                        aggregate={aggregate}
                        tables={tables}
                        // What the map shows, not what the fields say while it is worked out.
                        selection={selectionSummary(t, shownFilter, aggregate.k)}
                      />
                    )}
                    {tab === 'variants' &&
                      aggregate.cohort.shown &&
                      // How pathways begin first: whole pathways of many events are mostly unique.
                      (['beginnings', 'variants'] as const).map((name) => (
                        <VariantsView
                          key={name}
                          table={tableNamed(name)}
                          k={aggregate.k}
                          journeys={aggregate.cohort.shown ? aggregate.cohort.journeys : 0}
                          // Asked by the variants only, when they are all hidden.
                          beginningsShown={
                            name === 'variants' &&
                            shownPathways(tableNamed('beginnings')).length > 0
                          }
                        />
                      ))}
                    {tab === 'handovers' && <HandoverMatrix aggregate={aggregate} />}
                    {tab === 'economy' && <CostViews aggregate={aggregate} tables={tables} />}
                    {tab === 'emotion' && (
                      <p className="lead" data-testid="emotion-scale">
                        {t('program.emotionScale')}
                      </p>
                    )}
                    {tab === 'counts' && (
                      <p className="lead" data-testid="medians">
                        {medianLine('Contacts', aggregate.contactsPerJourney.median, aggregate.k)}
                        <br />
                        {medianLine('Length', aggregate.journeyLength.median, aggregate.k)}
                      </p>
                    )}
                    {tabTables.map((table, i) => (
                      <FigureTable
                        key={table.name}
                        table={table}
                        k={aggregate.k}
                        serviceNames={serviceNames ?? undefined}
                        shortNote={tableNotes[i] === 'short'}
                        leftOut={
                          table.name === 'emotion-drops' ? aggregate.emotionDropsHidden : undefined
                        }
                      />
                    ))}
                  </div>
                )}
              </HiddenHelpProvider>
            )}
          </>
        )}
      </div>
    </div>
  );
}
