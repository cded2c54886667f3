import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot, SnapshotSummary } from '../../../shared/domain/workshop';
import { MAPS } from '../../../shared/vocabulary';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { formatPathwayDate } from './format';
import { useJourney } from './journey-context';
import { journeyOrder } from './OutlineView';
import { typedText } from '../../../shared/domain/text';

function SnapshotView({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Dialog
      open
      title={t('snapshots.viewTitle', { name: snapshot.name })}
      onClose={onClose}
      testId="snapshot-view"
    >
      <div className="snapshot-view">
        {MAPS.map((m) => {
          const items = journeyOrder(snapshot.content.touchpoints.filter((tp) => tp.map === m));
          return (
            <section key={m}>
              <h3 className="subsection-title">{t(`vocab.map.${m}`)}</h3>
              {items.length === 0 && <p className="muted">{t('canvas.outlineEmpty')}</p>}
              <ol>
                {items.map((tp) => (
                  <li key={tp.id}>
                    <strong>{tp.label.trim() || t('canvas.untitled')}</strong> —{' '}
                    {[t(`vocab.sector.${tp.sector}`), formatPathwayDate(tp.date, i18n.language)]
                      .filter(Boolean)
                      .join(' · ')}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('snapshots.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** Named versions of the maps ("after workshop 1"): save, view, bring back, delete. */
export function SnapshotsTab({ journeyId }: { journeyId: string }) {
  const { t, i18n } = useTranslation();
  const reload = useJourney((s) => s.load);
  const flushEdits = useJourney((s) => s.flush);
  const [list, setList] = useState<SnapshotSummary[] | null>(null);
  const [name, setName] = useState('');
  const [viewing, setViewing] = useState<Snapshot | null>(null);
  const [restoring, setRestoring] = useState<SnapshotSummary | null>(null);
  const [deleting, setDeleting] = useState<SnapshotSummary | null>(null);
  const [version, setVersion] = useState(0);
  const id = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  useEffect(() => {
    let live = true;
    call('snapshots:list', { journeyId }).then((l) => live && setList(l), fail);
    return () => {
      live = false;
    };
  }, [journeyId, version, fail]);

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      await flushEdits();
      const s = await call('snapshots:create', { journeyId, name: trimmed.slice(0, 80) });
      setName('');
      announce(t('snapshots.created', { name: s.name }));
      setVersion((v) => v + 1);
    } catch (error) {
      fail(error);
    }
  }

  async function onRestore(s: SnapshotSummary) {
    setRestoring(null);
    try {
      await flushEdits();
      const backupName = t('snapshots.backupName', { when: dateFormat.format(new Date()) }).slice(
        0,
        80,
      );
      const { backup } = await call('snapshots:restore', { id: s.id, backupName });
      await reload();
      announce(t('snapshots.restored', { name: s.name, backup: backup.name }));
      setVersion((v) => v + 1);
    } catch (error) {
      fail(error);
    }
  }

  return (
    <section className="tab-page card" aria-labelledby={`${id}-title`} data-testid="snapshots-tab">
      <h2 id={`${id}-title`} className="section-title">
        {t('snapshots.title')}
      </h2>
      <p className="field-help">{t('snapshots.help')}</p>
      <form className="create-form" onSubmit={onCreate}>
        <div className="field">
          <label htmlFor={`${id}-name`} className="field-label">
            {t('snapshots.nameLabel')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={80}
            onChange={(e) => setName(typedText(e.target.value, false))}
            data-testid="snapshot-name"
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={!name.trim()}
          data-testid="snapshot-create"
        >
          {t('snapshots.create')}
        </button>
      </form>
      {list && list.length === 0 && <p className="muted">{t('snapshots.none')}</p>}
      <ul className="journey-list">
        {(list ?? []).map((s) => (
          <li key={s.id} className="journey-row" data-testid="snapshot">
            <div className="journey-main">
              <span className="journey-alias" data-testid="snapshot-title">
                {s.name}
              </span>
              <span className="journey-meta">
                {dateFormat.format(new Date(s.createdAt))} ·{' '}
                {t('snapshots.touchpoints', { count: s.touchpointCount })}
              </span>
            </div>
            <div className="journey-actions">
              <button
                type="button"
                className="button"
                aria-label={t('snapshots.viewNamed', { name: s.name })}
                onClick={() => call('snapshots:get', { id: s.id }).then(setViewing, fail)}
                data-testid="snapshot-view-button"
              >
                {t('snapshots.view')}
              </button>
              <button
                type="button"
                className="button"
                aria-label={t('snapshots.restoreNamed', { name: s.name })}
                onClick={() => setRestoring(s)}
                data-testid="snapshot-restore"
              >
                {t('snapshots.restore')}
              </button>
              <button
                type="button"
                className="button button-danger-outline"
                aria-label={t('snapshots.deleteNamed', { name: s.name })}
                onClick={() => setDeleting(s)}
                data-testid="snapshot-delete"
              >
                {t('snapshots.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {viewing && <SnapshotView snapshot={viewing} onClose={() => setViewing(null)} />}
      <ConfirmDialog
        open={restoring !== null}
        title={t('snapshots.restoreTitle', { name: restoring?.name ?? '' })}
        body={t('snapshots.restoreBody')}
        confirmLabel={t('snapshots.restoreConfirm')}
        cancelLabel={t('snapshots.cancel')}
        onConfirm={() => restoring && void onRestore(restoring)}
        onCancel={() => setRestoring(null)}
        testId="snapshot-restore-dialog"
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('snapshots.deleteNamed', { name: deleting?.name ?? '' })}
        body={t('snapshots.deleteBody')}
        confirmLabel={t('deleteDialog.confirm')}
        cancelLabel={t('deleteDialog.cancel')}
        danger
        onConfirm={() => {
          const s = deleting;
          setDeleting(null);
          if (s) call('snapshots:delete', { id: s.id }).then(() => setVersion((v) => v + 1), fail);
        }}
        onCancel={() => setDeleting(null)}
        testId="snapshot-delete-dialog"
      />
    </section>
  );
}
