import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { patchedRow, type PricePatch } from '../../../shared/economy/price-edits';
import {
  PAYERS,
  PRICE_LIMITS,
  PRICE_UNITS,
  cleanPriceText,
  decodeCsvBytes,
  formatNumberIn,
  isPriceText,
  numberStyleOf,
  parseNumberIn,
  type NumberStyle,
  rowKey,
  type CsvError,
  type Payer,
  type PriceList,
  type PriceRow,
  type PriceUnit,
} from '../../../shared/economy/prices';
import { SECTORS } from '../../../shared/vocabulary';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { download } from '../components/download';
import type { SaveQueue } from '../components/save-queue';
import { SaveStatus } from '../components/SaveStatus';
import { useSaveQueue } from '../components/use-save-queue';
import { priceText, sharesText } from '../economy/money';
import { navigate, useRoute } from '../router';
import { typedText } from '../../../shared/domain/text';
import '../economy/economy.css';

/** What a row is about, in words: "Sygehus · Indlæggelse" (and its service, when it has one). */
function rowName(t: TFunction, row: PriceRow, serviceNames: ReadonlyMap<string, string>) {
  const base = `${t(`vocab.sector.${row.sector}`)} · ${t(`vocab.contactType.${row.contactType}`)}`;
  return row.serviceCode
    ? `${base} · ${serviceNames.get(row.serviceCode) ?? row.serviceCode}`
    : base;
}

interface Draft {
  price: string;
  unit: PriceUnit;
  shares: Record<Payer, string>;
  source: string;
  sourceYear: string;
  note: string;
}

type Problem =
  'price' | 'shares' | 'sharesSum' | 'sharesNeeded' | 'source' | 'sourceText' | 'noteText' | 'year';

/**
 * The editor writes numbers the way the interface's language does: "2714,29" and "12,5" in
 * Danish (as the CSV does), "2714.29" and "12.5" in English.
 */
const draftOf = (row: PriceRow, style: NumberStyle): Draft => ({
  price: row.price === null ? '' : formatNumberIn(row.price, style),
  unit: row.unit,
  shares: Object.fromEntries(
    PAYERS.map((p) => [
      p,
      row.payerShares ? formatNumberIn(Number((row.payerShares[p] * 100).toFixed(4)), style) : '',
    ]),
  ) as Record<Payer, string>,
  source: row.source,
  sourceYear: String(row.sourceYear),
  note: row.note ?? '',
});

/**
 * The draft as a patch, or what is wrong with it. The same rules as the database's (the row as
 * it would be is checked by the schema, shared/economy/price-edits.ts), said in words first.
 */
function patchOf(
  row: PriceRow,
  d: Draft,
  style: NumberStyle,
): { patch: PricePatch } | { problems: Problem[]; sharesSum?: number } {
  const problems: Problem[] = [];
  /** What the shares add up to, when each is a number from 0 to 100 but they miss 100 %. */
  let sharesSum: number | undefined;
  const priceText = d.price.trim().replace(/\s*kr\.?$/i, '');
  const price = priceText === '' ? null : parseNumberIn(priceText, style);
  if (priceText !== '' && (price === null || price < 0 || price > PRICE_LIMITS.priceMax)) {
    problems.push('price');
  }
  const filled = PAYERS.filter((p) => d.shares[p].trim() !== '');
  let payerShares: PricePatch['payerShares'] = null;
  if (price !== null && filled.length > 0) {
    const values = PAYERS.map((p) =>
      d.shares[p].trim() === '' ? 0 : parseNumberIn(d.shares[p].replace('%', ''), style, false),
    );
    if (values.some((v) => v === null || v < 0 || v > 100)) problems.push('shares');
    else {
      const [kommune, region, stat] = values.map((v) => v! / 100) as [number, number, number];
      if (Math.abs(kommune + region + stat - 1) > 1e-6) {
        problems.push('sharesSum');
        sharesSum = Number(values.reduce((a, v) => a! + v!, 0)!.toFixed(4));
      } else payerShares = { kommune, region, stat };
    }
  } else if (price !== null && price > 0) problems.push('sharesNeeded');
  if (d.source.trim() === '' || d.source.length > PRICE_LIMITS.sourceMax) problems.push('source');
  // What typing leaves in (a direction character pasted with a text) the list does not keep.
  if (!isPriceText(d.source.trim())) problems.push('sourceText');
  if (!isPriceText(d.note.trim())) problems.push('noteText');
  const year = /^\d{4}$/.test(d.sourceYear.trim()) ? Number(d.sourceYear.trim()) : NaN;
  if (!(year >= PRICE_LIMITS.yearMin && year <= PRICE_LIMITS.yearMax)) problems.push('year');
  if (problems.length) return { problems, sharesSum };
  const patch: PricePatch = {
    price,
    unit: d.unit,
    payerShares,
    source: d.source.trim(),
    sourceYear: year,
    note: d.note.trim().slice(0, PRICE_LIMITS.noteMax),
  };
  const checked = patchedRow(row, patch);
  if (!checked.ok) {
    return {
      problems: checked.codes.map((c) =>
        c === 'price_without_shares' ? 'sharesNeeded' : c.startsWith('shares') ? 'shares' : 'price',
      ),
    };
  }
  return { patch };
}

function PriceEditor(props: {
  row: PriceRow;
  name: string;
  onSave: (patch: PricePatch) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const style = numberStyleOf(i18n.language);
  const id = useId();
  const [d, setD] = useState(() => draftOf(props.row, style));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sharesSum, setSharesSum] = useState(0);
  const has = (p: Problem) => problems.includes(p);
  const set = (patch: Partial<Draft>) => setD((cur) => ({ ...cur, ...patch }));
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = patchOf(props.row, d, style);
    if ('problems' in result) {
      setProblems(result.problems);
      setSharesSum(result.sharesSum ?? 0);
      // Taken out at once, and said so: the characters cannot be seen, so the person could not
      // find them to take out, and reads the text as it will be kept before saving again.
      if (result.problems.includes('sourceText') || result.problems.includes('noteText')) {
        set({ source: cleanPriceText(d.source), note: cleanPriceText(d.note) });
      }
      return;
    }
    props.onSave(result.patch);
  }
  const errorId = (p: string) => `${id}-${p}-error`;
  const error = (p: Problem, key: string, values: Record<string, string> = {}) =>
    has(p) && (
      <p id={errorId(p)} className="field-error" role="alert" data-testid={`price-error-${p}`}>
        {t(key, values)}
      </p>
    );
  return (
    <form
      className="price-editor"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('economy.editTitle', { what: props.name })}
      data-testid="price-editor"
    >
      <div className="price-editor-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-price`}>
            {t('economy.priceLabel')}
          </label>
          <input
            ref={first}
            id={`${id}-price`}
            className="input"
            inputMode="decimal"
            value={d.price}
            onChange={(e) => set({ price: e.target.value })}
            aria-invalid={has('price') || undefined}
            aria-describedby={has('price') ? errorId('price') : undefined}
            data-testid="price-input"
          />
          {error('price', 'economy.invalid.price')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-unit`}>
            {t('economy.unitLabel')}
          </label>
          <select
            id={`${id}-unit`}
            className="select"
            value={d.unit}
            onChange={(e) => set({ unit: e.target.value as PriceUnit })}
            data-testid="price-unit"
          >
            {PRICE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`economy.unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset
        className="price-shares"
        aria-describedby={
          has('shares')
            ? errorId('shares')
            : has('sharesSum')
              ? errorId('sharesSum')
              : has('sharesNeeded')
                ? errorId('sharesNeeded')
                : undefined
        }
      >
        <legend className="field-label">{t('economy.sharesLegend')}</legend>
        {PAYERS.map((p) => (
          <label key={p} className="price-share">
            <span>{t(`economy.payer.${p}`)}</span>
            <span className="price-share-input">
              <input
                className="input"
                inputMode="decimal"
                value={d.shares[p]}
                onChange={(e) => set({ shares: { ...d.shares, [p]: e.target.value } })}
                aria-invalid={has('shares') || has('sharesSum') || has('sharesNeeded') || undefined}
                data-testid={`price-share-${p}`}
              />
              <span aria-hidden="true">%</span>
            </span>
          </label>
        ))}
        {error('shares', 'economy.invalid.shares')}
        {error('sharesSum', 'economy.invalid.sharesSum', {
          sum: formatNumberIn(sharesSum, style),
        })}
        {error('sharesNeeded', 'economy.invalid.sharesNeeded')}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-source`}>
          {t('economy.sourceLabel')}
        </label>
        <textarea
          id={`${id}-source`}
          className="input textarea"
          rows={2}
          value={d.source}
          onChange={(e) => set({ source: typedText(e.target.value, true) })}
          aria-invalid={has('source') || undefined}
          aria-describedby={
            has('source')
              ? errorId('source')
              : has('sourceText')
                ? errorId('sourceText')
                : undefined
          }
          data-testid="price-source"
        />
        {error('source', 'economy.invalid.source')}
        {error('sourceText', 'economy.invalid.sourceText')}
      </div>
      <div className="price-editor-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-year`}>
            {t('economy.sourceYearLabel')}
          </label>
          <input
            id={`${id}-year`}
            className="input input-year"
            inputMode="numeric"
            value={d.sourceYear}
            onChange={(e) => set({ sourceYear: e.target.value })}
            aria-invalid={has('year') || undefined}
            aria-describedby={has('year') ? errorId('year') : undefined}
            data-testid="price-year"
          />
          {error('year', 'economy.invalid.year')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-note`}>
            {t('economy.noteLabel')}
          </label>
          <textarea
            id={`${id}-note`}
            className="input textarea"
            rows={2}
            value={d.note}
            onChange={(e) => set({ note: typedText(e.target.value, true) })}
            aria-describedby={has('noteText') ? errorId('noteText') : undefined}
            data-testid="price-note"
          />
          {error('noteText', 'economy.invalid.noteText')}
        </div>
      </div>
      <div className="button-group">
        <button type="submit" className="button button-primary" data-testid="price-save">
          {t('economy.save')}
        </button>
        <button
          type="button"
          className="button"
          onClick={props.onCancel}
          data-testid="price-cancel"
        >
          {t('economy.cancel')}
        </button>
      </div>
    </form>
  );
}

function PriceItem(props: {
  row: PriceRow;
  serviceNames: ReadonlyMap<string, string>;
  queue: SaveQueue;
  onSaved: (row: PriceRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const { row } = props;
  const [editing, setEditing] = useState(false);
  const name = rowName(t, row, props.serviceNames);
  const key = { sector: row.sector, contactType: row.contactType, serviceCode: row.serviceCode };
  const editButton = useRef<HTMLButtonElement>(null);

  function save(patch: PricePatch) {
    const next = patchedRow(row, patch);
    if (!next.ok) return;
    props.onSaved(next.row);
    // Edits of one row are merged; a failed save stays queued and is retried (SaveStatus).
    props.queue.patch(`price:${rowKey(row)}`, patch, (p) =>
      call('prices:update', { key, patch: p as PricePatch }),
    );
    setEditing(false);
    announce(t('economy.saved', { what: name }));
    requestAnimationFrame(() => editButton.current?.focus());
  }

  const note = noteBesideSource(row.note ?? '', row.source);
  return (
    <li className="price-row" data-testid="price-row" data-key={rowKey(row)}>
      <div className="price-row-main">
        <div className="price-what">
          <span className="price-contact">{t(`vocab.contactType.${row.contactType}`)}</span>
          {row.serviceCode && (
            <span className="price-service">
              {t('economy.serviceRow', {
                name: props.serviceNames.get(row.serviceCode) ?? row.serviceCode,
              })}
            </span>
          )}
        </div>
        <div className="price-amount">
          <span
            className={row.price === null ? 'price-value price-none' : 'price-value'}
            data-testid="price-value"
          >
            {priceText(t, i18n.language, row)}
          </span>
          <span className="price-payers" data-testid="price-payers">
            {row.payerShares
              ? sharesText(t, i18n.language, row.payerShares)
              : row.price === 0
                ? t('economy.noPublicExpense')
                : null}
          </span>
        </div>
        {!editing && (
          <button
            ref={editButton}
            type="button"
            className="button"
            onClick={() => setEditing(true)}
            aria-label={t('economy.editNamed', { what: name })}
            data-testid="price-edit"
          >
            {t('economy.edit')}
          </button>
        )}
      </div>
      <p className="price-source">
        {t('economy.source', { source: row.source, year: row.sourceYear })}
      </p>
      {note && <p className="price-note">{note}</p>}
      {editing && (
        <PriceEditor
          row={row}
          name={name}
          onSave={save}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      )}
    </li>
  );
}

/** The errors of a refused CSV file, in words, each with its line (and column). */
function CsvErrors({ errors }: { errors: CsvError[] }) {
  const { t } = useTranslation();
  const shown = errors.slice(0, 50);
  return (
    <div className="notice notice-error" role="alert" data-testid="price-import-errors">
      <p className="notice-title">{t('economy.csv.errorsTitle', { count: errors.length })}</p>
      <ul className="csv-errors">
        {shown.map((e, i) => (
          <li key={i} data-testid="price-import-error">
            {e.column
              ? t('economy.csv.errorLineColumn', {
                  line: e.line,
                  column: e.column,
                  reason: t(`economy.csv.codes.${e.code}`),
                })
              : t('economy.csv.errorLine', {
                  line: e.line,
                  reason: t(`economy.csv.codes.${e.code}`),
                })}
          </li>
        ))}
      </ul>
      {errors.length > shown.length && (
        <p>{t('economy.csv.moreErrors', { count: errors.length - shown.length })}</p>
      )}
    </div>
  );
}

/**
 * The laptop's price list: indicative public unit prices by sector and contact type, each with
 * its source and year; edited row by row (through the save queue), shared as CSV in the Danish
 * Excel format (all or nothing on import), or set back to the shipped default.
 */
export function PricesScreen() {
  const route = useRoute();
  // Back to where the list was opened from: the program's Økonomi view, a journey, or home.
  const back = route.name === 'prices' ? route.back : undefined;
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<PriceList | null>(null);
  const [catalogue, setCatalogue] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<CsvError[] | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const { queue, state } = useSaveQueue('prices');
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);

  useEffect(() => {
    let live = true;
    call('prices:get', {}).then((l) => live && setList(l), fail);
    call('catalogue:list', {}).then(
      (services) =>
        live &&
        setCatalogue(
          new Map(services.map((s) => [s.code, i18n.language === 'en' ? s.label.en : s.label.da])),
        ),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [fail, i18n.language]);

  const bySector = useMemo(
    () =>
      SECTORS.map((sector) => ({
        sector,
        rows: (list?.prices ?? []).filter((r) => r.sector === sector),
      })).filter((g) => g.rows.length > 0),
    [list],
  );

  const onSaved = (row: PriceRow) =>
    setList(
      (cur) =>
        cur && {
          ...cur,
          prices: cur.prices.map((r) => (rowKey(r) === rowKey(row) ? row : r)),
        },
    );

  async function exportCsv() {
    try {
      await queue.flush();
      const { text } = await call('prices:exportCsv', {});
      const file = 'prisliste.csv';
      download(new Blob([text], { type: 'text/csv;charset=utf-8' }), file);
      announce(t('economy.csv.exported', { file }));
    } catch (error) {
      fail(error);
    }
  }

  const importPrices = (text: string) => call('prices:importCsv', { text });

  async function importCsv(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    try {
      if (file.size > PRICE_LIMITS.csvCharsMax) {
        setErrors([{ line: 1, code: 'csv_too_large' }]);
        return;
      }
      // UTF-8 as the app writes it, or Windows-1252 as Excel's plain CSV does.
      const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      // Edits still on their way are written first; the import then replaces them, as asked.
      // One the database still refuses is set aside meanwhile: retried after the import, it
      // would write an old price over the imported one. It comes back if nothing is imported.
      await queue.flush();
      const aside = queue.takeOut('price:');
      let result: Awaited<ReturnType<typeof importPrices>>;
      try {
        result = await importPrices(text);
      } catch (error) {
        queue.putBack(aside);
        throw error;
      }
      if (!result.ok) {
        queue.putBack(aside);
        setErrors(result.errors);
        announce(t('economy.csv.errorsSaid', { count: result.errors.length }), 'error');
        return;
      }
      setErrors(null);
      setList(await call('prices:get', {}));
      announce(t('economy.csv.imported', { count: result.count }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function reset() {
    setConfirmReset(false);
    setBusy(true);
    try {
      await queue.flush();
      // As for an import: a refused edit is not retried over the list put back.
      const aside = queue.takeOut('price:');
      try {
        setList(await call('prices:reset', {}));
      } catch (error) {
        queue.putBack(aside);
        throw error;
      }
      setErrors(null);
      announce(t('economy.reset.done'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="home prices" data-testid="prices-screen">
      <button type="button" className="button" onClick={() => navigate(back ?? { name: 'home' })}>
        ←{' '}
        {t(
          back?.name === 'program'
            ? 'economy.backToProgram'
            : back
              ? 'economy.backToJourney'
              : 'economy.back',
        )}
      </button>
      <div className="catalogue-head">
        <h1 className="page-title">{t('economy.title')}</h1>
        <SaveStatus status={state.status} error={state.error} onRetry={() => void queue.retry()} />
      </div>
      <section className="notice prices-indicative" aria-labelledby={`${id}-indicative`}>
        <h2 id={`${id}-indicative`} className="section-title">
          {t('economy.indicativeTitle')}
        </h2>
        <p>{t('economy.indicativeBody')}</p>
        {list && (
          <p className="prices-list-line" data-testid="price-list-name">
            {t('economy.listLine', { name: list.name, year: list.priceYear })}
          </p>
        )}
        <p>{t('economy.listHelp')}</p>
      </section>
      <section className="card" aria-labelledby={`${id}-csv`}>
        <h2 id={`${id}-csv`} className="section-title">
          {t('economy.csv.title')}
        </h2>
        <p className="field-help">{t('economy.csv.help')}</p>
        <div className="button-group">
          <button
            type="button"
            className="button"
            onClick={() => void exportCsv()}
            data-testid="price-export"
          >
            {t('economy.csv.export')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => fileRef.current?.click()}
          >
            {t('economy.csv.import')}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(e) => {
              void importCsv(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="price-import"
          />
          <button
            type="button"
            className="button button-danger-outline"
            // Not while a file is being imported: one list replaces the other, never both at once.
            disabled={busy}
            onClick={() => setConfirmReset(true)}
            data-testid="price-reset"
          >
            {t('economy.reset.button')}
          </button>
        </div>
        {errors && <CsvErrors errors={errors} />}
      </section>
      {bySector.map(({ sector, rows }) => (
        <details
          key={sector}
          className="card catalogue-group"
          data-testid={`prices-${sector}`}
          open={sector === 'general_practice' || undefined}
        >
          <summary className="palette-summary">
            {t(`vocab.sector.${sector}`)} ({t('economy.count', { count: rows.length })})
          </summary>
          <ul className="plain-list price-list">
            {rows.map((row) => (
              <PriceItem
                key={rowKey(row)}
                row={row}
                serviceNames={catalogue}
                queue={queue}
                onSaved={onSaved}
              />
            ))}
          </ul>
        </details>
      ))}
      <ConfirmDialog
        open={confirmReset}
        title={t('economy.reset.title')}
        body={t('economy.reset.body')}
        confirmLabel={t('economy.reset.confirm')}
        cancelLabel={t('economy.reset.cancel')}
        onConfirm={() => void reset()}
        onCancel={() => setConfirmReset(false)}
        danger
        testId="price-reset-dialog"
      />
    </div>
  );
}

/**
 * A row's note as shown under its source: without a first sentence that only says again what the
 * source line begins with ("Ingen offentlig enhedspris fundet"), so it is read once.
 */
function noteBesideSource(note: string, source: string): string {
  const first = /^[^.(]+/.exec(source)?.[0].trim() ?? '';
  if (
    first.length < 12 ||
    !note.toLowerCase().startsWith(first.toLowerCase()) ||
    // The same words, not the start of a longer one ("Sundhedsstyrelsens takst …").
    /^\p{L}/u.test(note.slice(first.length))
  ) {
    return note;
  }
  return note
    .slice(first.length)
    .replace(/^[\s.,;:–-]+/, '')
    .trim();
}
