import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import type { ImportResult } from '../../../shared/ipc/contract';
import { shownName } from '../../../shared/domain/text';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { formatNumber } from './labels';
import {
  fromFileList,
  importFiles,
  type ImportOutcome,
  type ImportProgress,
  type PickedFile,
} from './import-files';

interface Props {
  /** Set to the panel's import, so files dropped anywhere on the screen come here. */
  importRef: RefObject<((files: PickedFile[]) => void) | null>;
  onImported: () => void;
}

/**
 * Import by choosing files, a folder, or dropping them on the window. Shows progress, can be
 * stopped between batches, and ends with a result for every file.
 */
export function ImportPanel({ importRef, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => formatNumber(i18n.language, n, '');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [notChecked, setNotChecked] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const stop = useRef(false);
  const busy = useRef(false);
  const running = progress !== null;
  const titleId = useId();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);

  async function run(files: PickedFile[]) {
    if (files.length === 0) return;
    // A ref, not state: two drops in a row must not start two imports.
    if (busy.current) {
      announce(t('program.alreadyImporting'), 'error');
      return;
    }
    busy.current = true;
    stop.current = false;
    setResults(null);
    setFailure(null);
    setNotChecked(0);
    let outcome: ImportOutcome;
    try {
      outcome = await importFiles(files, setProgress, () => stop.current);
    } finally {
      busy.current = false;
      setProgress(null);
    }
    if (outcome.error !== undefined) {
      setFailure(t('program.importFailed', { message: t(errorKey(outcome.error)) }));
    }
    setResults(outcome.results);
    setNotChecked(outcome.notChecked);
    const count = (s: ImportResult['status']) =>
      outcome.results.filter((r) => r.status === s).length;
    announce(
      outcome.notChecked > 0
        ? t('program.cancelled', { left: num(outcome.notChecked) })
        : t('program.summary', {
            imported: num(count('imported')),
            duplicate: num(count('duplicate')),
            rejected: num(count('rejected')),
          }),
    );
    onImported();
  }

  useEffect(() => {
    importRef.current = (files) => void run(files);
  });

  // The folder picker is not a standard attribute in React's types.
  useEffect(() => {
    folderRef.current?.setAttribute('webkitdirectory', '');
  }, []);

  const count = (s: ImportResult['status']) => results?.filter((r) => r.status === s).length ?? 0;
  // Problems first: the user looks for what went wrong.
  const ordered = results
    ? [...results].sort(
        (a, b) =>
          ['rejected', 'duplicate', 'imported'].indexOf(a.status) -
          ['rejected', 'duplicate', 'imported'].indexOf(b.status),
      )
    : [];

  return (
    <section className="card" aria-labelledby={titleId} data-testid="import-panel">
      <h2 id={titleId} className="section-title">
        {t('program.importTitle')}
      </h2>
      <p className="field-help">{t('program.importHelp')}</p>
      <div className="button-group">
        <button
          type="button"
          className="button button-primary"
          disabled={running}
          onClick={() => filesRef.current?.click()}
        >
          {t('program.chooseFiles')}
        </button>
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => folderRef.current?.click()}
        >
          {t('program.chooseFolder')}
        </button>
        <input
          ref={filesRef}
          type="file"
          multiple
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            void run(fromFileList(e.target.files));
            e.target.value = '';
          }}
          data-testid="import-files"
        />
        <input
          ref={folderRef}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            void run(fromFileList(e.target.files));
            e.target.value = '';
          }}
          data-testid="import-folder"
        />
      </div>
      {progress && (
        <div className="import-progress" data-testid="import-progress">
          <label>
            <span>
              {t('program.progress', {
                done: num(progress.done),
                total: num(progress.total),
              })}
            </span>
            <progress value={progress.done} max={progress.total} />
          </label>
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => {
              stop.current = true;
            }}
            data-testid="import-cancel"
          >
            {t('program.cancel')}
          </button>
        </div>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {results && (
        <div className="import-results" data-testid="import-results">
          <p className="lead" data-testid="import-summary">
            {t('program.summary', {
              imported: num(count('imported')),
              duplicate: num(count('duplicate')),
              rejected: num(count('rejected')),
            })}
          </p>
          {notChecked > 0 && (
            <p className="field-help" data-testid="import-cancelled">
              {t('program.cancelled', { left: num(notChecked) })}
            </p>
          )}
          {results.length > 0 && (
            <details open={count('rejected') > 0}>
              <summary>{t('program.resultsTitle')}</summary>
              <ScrollRegion label={t('program.resultsTitle')}>
                <table className="figure-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('program.file')}</th>
                      <th scope="col">{t('program.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ordered.map((r, i) => (
                      <tr key={i} data-testid="import-result" data-status={r.status}>
                        <td className="file-name">
                          <bdi>{shownName(r.file)}</bdi>
                        </td>
                        <td className={`import-${r.status}`}>
                          {t(`program.status.${r.status}`)}
                          {r.reason && `: ${t(`program.reasons.${r.reason}`)}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
