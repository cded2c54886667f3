import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import type { ProgramModel } from '../../../shared/ipc/contract';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { ageRange, formatNumber } from './labels';

/** The models in the workspace with their cohort attributes; delete one or all. */
export function ModelList({
  models,
  onChanged,
}: {
  models: ProgramModel[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [confirmAll, setConfirmAll] = useState(false);
  const titleId = useId();
  const notStated = t('program.notStated');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function remove(m: ProgramModel) {
    try {
      await call('program:delete', { exportId: m.exportId });
      announce(t('program.deleted'));
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
    onChanged();
  }

  async function removeAll() {
    setConfirmAll(false);
    try {
      await call('program:deleteAll', {});
      announce(t('program.deletedAll'));
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
    onChanged();
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="model-list">
      <div className="figure-heading">
        <h2 id={titleId} className="section-title">
          {t('program.modelsTitle')}{' '}
          <span className="muted" data-testid="model-count">
            (
            {t('program.modelsCount', {
              count: models.length,
              n: formatNumber(i18n.language, models.length, ''),
            })}
            )
          </span>
        </h2>
        {models.length > 0 && (
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => setConfirmAll(true)}
            data-testid="delete-all-models"
          >
            {t('program.deleteAll')}
          </button>
        )}
      </div>
      {models.length === 0 ? (
        <p className="muted">{t('program.noModels')}</p>
      ) : (
        <ScrollRegion label={t('program.modelsTitle')} tall>
          <table className="figure-table">
            <thead>
              <tr>
                <th scope="col">{t('program.file')}</th>
                <th scope="col">{t('program.ageBand')}</th>
                <th scope="col">{t('program.sex')}</th>
                <th scope="col">{t('program.municipality')}</th>
                <th scope="col">{t('program.conditionGroup')}</th>
                <th scope="col">{t('program.touchpoints')}</th>
                <th scope="col">{t('program.exportMonth')}</th>
                <th scope="col">{t('program.importedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('program.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.exportId} data-testid="model-row">
                  <td className="file-name">{m.fileName}</td>
                  <td className="age-band">
                    {m.ageBand
                      ? t('program.ageBandValue', { band: ageRange(m.ageBand) })
                      : notStated}
                  </td>
                  <td>{m.sex ? t(`profile.sexes.${m.sex}`) : notStated}</td>
                  <td>
                    {m.municipality ? t(`profile.municipalities.${m.municipality}`) : notStated}
                  </td>
                  <td>
                    {m.conditionGroups.map((g) => t(`profile.conditionGroups.${g}`)).join(', ') ||
                      notStated}
                  </td>
                  <td className="number">{m.touchpointCount}</td>
                  <td>{m.exportMonth}</td>
                  <td>{date.format(new Date(m.importedAt))}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('program.deleteNamed', { file: m.fileName })}
                      onClick={() => void remove(m)}
                      data-testid="delete-model"
                    >
                      {t('program.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ConfirmDialog
        open={confirmAll}
        title={t('program.deleteAllTitle')}
        body={t('program.deleteAllBody', { count: models.length })}
        confirmLabel={t('program.deleteAll')}
        cancelLabel={t('deleteDialog.cancel')}
        onConfirm={() => void removeAll()}
        onCancel={() => setConfirmAll(false)}
        danger
        testId="delete-all-dialog"
      />
    </section>
  );
}
