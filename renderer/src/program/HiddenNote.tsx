import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_K } from '../../../shared/analysis/aggregate';
import { formatNumber } from './labels';

/**
 * What every view needs to explain a hidden figure and to say what would show more: the k in
 * force, the selection's size (only when that figure is itself shown), whether a cohort filter
 * narrows the selection, and the ways out. The program screen provides it once around its views,
 * so a view (process map, tables, matrix) only says which of its figures are hidden.
 */
export interface HiddenHelp {
  k: number;
  /** Journeys in the selection, or null when the cohort figure is itself hidden. */
  journeys: number | null;
  /** A cohort filter (age, sex, municipality, condition) narrows the selection. */
  filtered: boolean;
  /** Goes to the import panel. */
  onImportMore?: () => void;
  /** Removes the cohort filter (keeps the chosen map). */
  onClearFilter?: () => void;
}

const HiddenHelpContext = createContext<HiddenHelp | null>(null);

export function HiddenHelpProvider(props: { value: HiddenHelp; children: ReactNode }) {
  return (
    <HiddenHelpContext.Provider value={props.value}>{props.children}</HiddenHelpContext.Provider>
  );
}

/** The context's help, or (outside the program screen) one that knows only k. */
export function useHiddenHelp(k: number): HiddenHelp {
  return useContext(HiddenHelpContext) ?? { k, journeys: null, filtered: false };
}

/**
 * The visible line that says what «skjult» means and why — shown in each view that has a hidden
 * figure, so touch and keyboard users read it too (a title tooltip reaches only a mouse). In a view
 * of several tables the first with a hidden figure says it in full; the ones below it say what
 * «skjult» means in a line and point up to it (`notesIn`), instead of repeating three sentences
 * above every table.
 */
export function HiddenNote({ k, short = false }: { k: number; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="hidden-note" data-testid="hidden-note">
      {t(short ? 'program.hiddenInfo.lineShort' : 'program.hiddenInfo.line', { k })}
    </p>
  );
}

/** Which note each of a view's tables shows, in order: their hidden figures or none. */
export type NoteKind = 'full' | 'short' | null;

/**
 * The notes of a view's tables, top to bottom, from whether each has a hidden figure: the first
 * that has one explains «skjult» in full, the later ones in short.
 */
export function notesIn(hidden: readonly boolean[]): NoteKind[] {
  let said = false;
  return hidden.map((h) => {
    if (!h) return null;
    const kind = said ? 'short' : 'full';
    said = true;
    return kind;
  });
}

/**
 * One hidden figure in a table cell: the word, and for a screen reader why ("skjult, færre end 5
 * forløb", one text: two spans would be read with a pause between). The title stays for a mouse;
 * the visible line above the table is what everyone else gets.
 */
export function HiddenFigure({
  k,
  name,
}: {
  k: number;
  /** What a screen reader hears instead of the plain reason (a matrix cell names its pair). */
  name?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span
        className="hidden-figure"
        title={t('program.hiddenHelp', { k })}
        aria-hidden="true"
        data-testid="hidden-cell"
      >
        {t('program.hidden')}
      </span>
      <span className="visually-hidden">{name ?? t('program.hiddenInfo.cell', { k })}</span>
    </>
  );
}

/**
 * A view (or a table) in which every figure is hidden: says so, gives the selection's size when
 * that is shown, and lists what would show more — more models, a wider selection (only when a
 * filter narrows it), a lower k (only when k is above 5).
 *
 * `title` names the view ("Idéer efter formål og problem"); `body` replaces the standard reason
 * (e.g. the suppressed cohort's own sentence, or the variants' wording).
 */
export function AllHiddenNotice(props: {
  k: number;
  title?: string;
  body?: string;
  testId?: string;
  /** Ways to more that only this view has, named before the general ones. */
  ways?: ReactNode;
  /** What more models would do here, where the general words would promise too much. */
  moreModels?: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const help = useHiddenHelp(props.k);
  const k = props.k;
  const body =
    props.body ??
    (help.journeys === null
      ? t('program.hiddenInfo.allNoCount', { k })
      : t('program.hiddenInfo.allCount', {
          k,
          n: formatNumber(i18n.language, help.journeys, ''),
        }));
  return (
    <div className="notice all-hidden" role="note" data-testid={props.testId ?? 'all-hidden'}>
      {props.title && <p className="all-hidden-title">{props.title}</p>}
      <p>{body}</p>
      <p className="all-hidden-more">{t('program.hiddenInfo.moreTitle')}</p>
      <ul className="all-hidden-list">
        {props.ways}
        <WayToMore
          text={props.moreModels ?? t('program.hiddenInfo.moreModels')}
          action={help.onImportMore}
          label={t('program.hiddenInfo.importMore')}
          testId="hidden-import-more"
        />
        {help.filtered && (
          <WayToMore
            text={t('program.hiddenInfo.moreWider')}
            action={help.onClearFilter}
            label={t('program.hiddenInfo.clearFilter')}
            testId="hidden-clear-filter"
          />
        )}
        {k > DEFAULT_K && <li>{t('program.hiddenInfo.moreLowerK', { k, min: DEFAULT_K })}</li>}
      </ul>
      {props.children}
    </div>
  );
}

/** One way to show more, with a button that takes it when the screen offers one. */
export function WayToMore(props: {
  text: string;
  action?: () => void;
  label: string;
  testId: string;
}) {
  return (
    <li>
      {props.text}
      {props.action && (
        <>
          {' '}
          <button
            type="button"
            className="button button-small"
            onClick={props.action}
            data-testid={props.testId}
          >
            {props.label}
          </button>
        </>
      )}
    </li>
  );
}
