import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type JourneySummary } from '../../../shared/domain/journey';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { BACKUP_KEEP_DAYS } from '../../../shared/domain/backup';
import { typedText } from '../../../shared/domain/text';
import { forgetMessage } from '../backups/ForgetJourneys';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { navigate } from '../router';
import { MoveInDialog } from '../transfer/MoveInDialog';
import { MoveOutDialog } from '../transfer/MoveOutDialog';
import { aliasProblem } from '../validation';

type Problem = { key: string; values?: Record<string, number> } | null;

function AliasField(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  problem: Problem;
  testId: string;
}) {
  const { t } = useTranslation();
  const helpId = `${props.id}-help`;
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id} className="field-label">
        {t('home.aliasLabel')}
      </label>
      <p id={helpId} className="field-help">
        {t('home.aliasHelp')}
      </p>
      <input
        id={props.id}
        className="input"
        value={props.value}
        // A little above the limit so the user sees the message instead of silent truncation.
        maxLength={LIMITS.aliasMax + 20}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${helpId} ${errorId}` : helpId}
        onChange={(e) => props.onChange(typedText(e.target.value, false))}
        data-testid={props.testId}
      />
      {props.problem && (
        <p id={errorId} className="field-error" role="alert" data-testid={`${props.testId}-error`}>
          {t(props.problem.key, props.problem.values ?? {})}
        </p>
      )}
    </div>
  );
}

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [alias, setAlias] = useState('');
  const [createProblem, setCreateProblem] = useState<Problem>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<JourneySummary | null>(null);
  const [renameValue, setRenameValue] = useState('');
  const [renameProblem, setRenameProblem] = useState<Problem>(null);
  const [deleting, setDeleting] = useState<JourneySummary | null>(null);
  /** The delete question's "from the backups too" (a citizen who withdraws consent). */
  const [alsoFromBackups, setAlsoFromBackups] = useState(false);
  const [moving, setMoving] = useState<JourneySummary | null>(null);
  const [movingIn, setMovingIn] = useState(false);
  const createId = useId();
  const renameId = useId();
  const searchId = useId();

  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    call('journeys:list', {
      query: query.slice(0, LIMITS.searchMax),
      includeArchived: showArchived,
    }).then(
      (list) => {
        if (!live) return;
        setJourneys(list);
        setLoadError(null);
      },
      (error: unknown) => {
        if (live) setLoadError(t(errorKey(error)));
      },
    );
    // A slower, older answer must not overwrite a newer search.
    return () => {
      live = false;
    };
  }, [query, showArchived, t, version]);

  const fail = (error: unknown) => announce(t(errorKey(error)), 'error');

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const problem = aliasProblem(alias);
    setCreateProblem(problem);
    if (problem) return;
    try {
      const journey = await call('journeys:create', { alias });
      setAlias('');
      announce(t('home.created', { alias: journey.alias }));
      navigate({ name: 'journey', id: journey.id });
    } catch (error) {
      fail(error);
    }
  }

  async function onRename(e: FormEvent) {
    e.preventDefault();
    if (!renaming) return;
    const problem = aliasProblem(renameValue);
    setRenameProblem(problem);
    if (problem) return;
    try {
      const journey = await call('journeys:rename', { id: renaming.id, alias: renameValue });
      setRenaming(null);
      announce(t('home.renamed', { alias: journey.alias }));
      refresh();
    } catch (error) {
      fail(error);
    }
  }

  async function onArchive(j: JourneySummary) {
    try {
      await call('journeys:setArchived', { id: j.id, archived: !j.archived });
      announce(t(j.archived ? 'home.unarchived' : 'home.archived', { alias: j.alias }));
      refresh();
    } catch (error) {
      fail(error);
    }
  }

  async function onDelete() {
    if (!deleting) return;
    const j = deleting;
    const fromBackups = alsoFromBackups;
    setDeleting(null);
    setAlsoFromBackups(false);
    try {
      await call('journeys:delete', { id: j.id });
      refresh();
    } catch (error) {
      fail(error);
      return;
    }
    if (!fromBackups) {
      announce(t('home.deleted', { alias: j.alias }));
      return;
    }
    try {
      const outcome = await call('backups:forgetJourney', { journeyId: j.id });
      const message = forgetMessage(t, j.alias, outcome, 'backups.deletedWithBackups');
      announce(message, outcome.failed > 0 ? 'error' : 'info');
    } catch {
      announce(`${t('home.deleted', { alias: j.alias })} ${t('backups.forgetError')}`, 'error');
    }
  }

  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
    timeStyle: 'short',
  });

  return (
    <div className="home" data-testid="home-screen">
      <div className="title-row">
        <h1 className="page-title">{t('home.title')}</h1>
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'catalogue' })}
          data-testid="open-catalogue"
        >
          {t('catalogue.open')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'prices' })}
          data-testid="open-prices"
        >
          {t('economy.open')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'program' })}
          data-testid="open-program"
        >
          {t('program.open')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setMovingIn(true)}
          data-testid="open-move-in"
        >
          {t('move.moveIn')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'backups' })}
          data-testid="open-backups"
        >
          {t('backups.open')}
        </button>
      </div>
      <p className="lead">{t('home.intro')}</p>

      <section className="card" aria-labelledby={`${createId}-title`}>
        <h2 id={`${createId}-title`} className="section-title">
          {t('home.createTitle')}
        </h2>
        <form className="create-form" onSubmit={onCreate} noValidate>
          <AliasField
            id={createId}
            value={alias}
            onChange={(v) => {
              setAlias(v);
              if (createProblem) setCreateProblem(aliasProblem(v));
            }}
            problem={createProblem}
            testId="create-alias"
          />
          <button type="submit" className="button button-primary" data-testid="create-journey">
            {t('home.create')}
          </button>
        </form>
      </section>

      <section className="journey-list-section" aria-label={t('home.listLabel')}>
        <div className="list-tools">
          <div className="field field-inline">
            <label htmlFor={searchId} className="field-label">
              {t('home.searchLabel')}
            </label>
            <input
              id={searchId}
              type="search"
              className="input"
              value={query}
              maxLength={LIMITS.searchMax}
              placeholder={t('home.searchPlaceholder')}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="search"
            />
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
              data-testid="show-archived"
            />
            <span>{t('home.showArchived')}</span>
          </label>
        </div>

        {loadError && (
          <p className="banner banner-error" role="alert">
            {loadError}
          </p>
        )}
        {journeys && journeys.length === 0 && (
          <p className="empty" data-testid="journey-list-empty">
            {query.trim() ? t('home.noMatches', { query: query.trim() }) : t('home.empty')}
          </p>
        )}
        {journeys && journeys.length > 0 && (
          <ul className="journey-list" data-testid="journey-list">
            {journeys.map((j) => (
              <li
                key={j.id}
                className="journey-row"
                data-testid="journey-row"
                data-journey-id={j.id}
              >
                <div className="journey-main">
                  <button
                    type="button"
                    className="journey-open"
                    onClick={() => navigate({ name: 'journey', id: j.id })}
                    aria-label={t('home.openNamed', { alias: j.alias })}
                    data-testid="journey-open"
                  >
                    <span className="journey-alias" data-testid="journey-alias">
                      {j.alias}
                    </span>
                  </button>
                  <span className="journey-meta">
                    {t('home.touchpoints', { count: j.touchpointCount })} ·{' '}
                    {t('home.lastChanged', { when: dateFormat.format(new Date(j.lastChangedAt)) })}
                    {j.archived && <span className="badge">{t('home.archivedBadge')}</span>}
                  </span>
                </div>
                <div className="journey-actions">
                  <button
                    type="button"
                    className="button"
                    aria-label={t('home.renameNamed', { alias: j.alias })}
                    onClick={() => {
                      setRenaming(j);
                      setRenameValue(j.alias);
                      setRenameProblem(null);
                    }}
                    data-testid="journey-rename"
                  >
                    {t('home.rename')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-label={t(j.archived ? 'home.unarchiveNamed' : 'home.archiveNamed', {
                      alias: j.alias,
                    })}
                    onClick={() => void onArchive(j)}
                    data-testid="journey-archive"
                  >
                    {t(j.archived ? 'home.unarchive' : 'home.archive')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('move.moveOutNamed', { alias: j.alias })}
                    onClick={() => setMoving(j)}
                    data-testid="journey-move"
                  >
                    {t('move.moveOut')}
                  </button>
                  <button
                    type="button"
                    className="button button-danger-outline"
                    aria-label={t('home.deleteNamed', { alias: j.alias })}
                    onClick={() => setDeleting(j)}
                    data-testid="journey-delete"
                  >
                    {t('home.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Dialog
        open={renaming !== null}
        title={t('renameDialog.title')}
        onClose={() => setRenaming(null)}
        testId="rename-dialog"
      >
        <form onSubmit={onRename} noValidate>
          <AliasField
            id={renameId}
            value={renameValue}
            onChange={(v) => {
              setRenameValue(v);
              if (renameProblem) setRenameProblem(aliasProblem(v));
            }}
            problem={renameProblem}
            testId="rename-alias"
          />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setRenaming(null)}>
              {t('renameDialog.cancel')}
            </button>
            <button type="submit" className="button button-primary" data-testid="rename-save">
              {t('renameDialog.save')}
            </button>
          </div>
        </form>
      </Dialog>

      <MoveOutDialog
        journey={moving}
        onClose={() => setMoving(null)}
        onDeleteHere={() => {
          // The usual question, with its safe default. This dialog comes first in the page, so it
          // closes (and gives the focus back) before the question opens and takes the focus.
          setDeleting(moving);
          setMoving(null);
        }}
      />

      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteDialog.title', { alias: deleting?.alias ?? '' })}
        // What the body says follows the choice below it: never "the backups still hold it"
        // while «delete it from the backups too» is ticked.
        body={
          alsoFromBackups
            ? t('deleteDialog.bodyWithBackups')
            : t('deleteDialog.body', { days: BACKUP_KEEP_DAYS })
        }
        confirmLabel={t('deleteDialog.confirm')}
        cancelLabel={t('deleteDialog.cancel')}
        onConfirm={() => void onDelete()}
        onCancel={() => {
          setDeleting(null);
          setAlsoFromBackups(false);
        }}
        danger
        testId="delete-dialog"
      >
        <label className="checkbox dialog-body">
          <input
            type="checkbox"
            checked={alsoFromBackups}
            onChange={(e) => setAlsoFromBackups(e.target.checked)}
            data-testid="delete-from-backups"
          />
          <span>{t('backups.alsoFromBackups')}</span>
        </label>
      </ConfirmDialog>

      <MoveInDialog
        open={movingIn}
        onClose={() => setMovingIn(false)}
        onImported={refresh}
        onOpen={(id) => {
          setMovingIn(false);
          navigate({ name: 'journey', id });
        }}
      />
    </div>
  );
}
