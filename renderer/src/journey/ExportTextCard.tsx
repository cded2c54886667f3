import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MASK_TOKEN, type MaskKind } from '../../../shared/model/mask-token';
import { masksAgree, segmentsOf, type ReviewText } from './export-review';

const KIND_OF_TOKEN = new Map(Object.entries(MASK_TOKEN).map(([k, v]) => [v, k as MaskKind]));
const TOKENS = new RegExp(
  `(${[...KIND_OF_TOKEN.keys()].map((x) => x.replace(/[[\]-]/g, '\\$&')).join('|')})`,
);

/** One masked span: its token on screen, its kind for screen readers ("skjult navn"). */
function Masked({ kind }: { kind: MaskKind }) {
  const { t } = useTranslation();
  return (
    <mark className="mask" data-testid="review-mask" data-kind={kind}>
      <span aria-hidden="true">{MASK_TOKEN[kind]}</span>
      <span className="visually-hidden">{t(`exportScreen.mask.${kind}`)}</span>
    </mark>
  );
}

/**
 * The text as it will be sent: each masked span as its token, read out by its kind ("skjult
 * navn"). A guess (a mask the scrubber is not sure of) is a toggle button: pressed, the word stays
 * as written and shows highlighted differently; pressed again, it is hidden again. Masks the
 * scrubber is sure of (CPR, phone, e-mail, address, the profile's names) are not buttons.
 */
export function SentText({
  item,
  kept,
  onToggleWord,
  id,
}: {
  item: ReviewText;
  kept: readonly string[];
  onToggleWord?: (word: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  if (!masksAgree(item)) {
    // The masks do not rebuild what the file carries: show the file's text as it is, tokens
    // highlighted, and offer no unmasking.
    return (
      <p className="review-sent" id={id} data-testid="review-scrubbed">
        {item.scrubbed.split(TOKENS).map((part, i) => {
          const kind = KIND_OF_TOKEN.get(part);
          return kind ? <Masked key={i} kind={kind} /> : <span key={i}>{part}</span>;
        })}
      </p>
    );
  }
  const segments = segmentsOf(item.original, item.masks, new Set(kept));
  return (
    <p className="review-sent" id={id} data-testid="review-scrubbed">
      {segments.map((s, i) => {
        if (s.type === 'text') return <span key={i}>{s.text}</span>;
        const kind = t(`exportScreen.mask.${s.mask.kind}`);
        if (s.mask.unmaskable && onToggleWord) {
          return (
            <button
              key={i}
              type="button"
              className={s.kept ? 'mask mask-guess mask-kept' : 'mask mask-guess'}
              aria-pressed={s.kept}
              aria-label={t('exportScreen.guessToggle', { kind, word: s.mask.original })}
              onClick={() => onToggleWord(s.mask.original)}
              data-testid="review-guess"
              data-kind={s.mask.kind}
            >
              {s.kept ? s.mask.original : s.token}
            </button>
          );
        }
        if (s.kept) {
          return (
            <mark key={i} className="mask mask-kept">
              {s.mask.original}
            </mark>
          );
        }
        return <Masked key={i} kind={s.mask.kind} />;
      })}
    </p>
  );
}

/**
 * One free text to approve: as it reads here and as it will be sent, side by side on a wide
 * screen, and one clear button. Unmasking a guess is part of the approval: changing one after
 * approving withdraws the approval, and the card says so until it is approved again.
 */
export function ExportTextCard({
  item,
  kept,
  changed,
  onToggleWord,
  onApprove,
  onWithdraw,
}: {
  item: ReviewText;
  /** The guesses to leave as written (pending until approved, or as approved). */
  kept: readonly string[];
  /** A guess was changed after approving: the approval was withdrawn. */
  changed: boolean;
  onToggleWord: (word: string) => void;
  onApprove: () => void;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const state = !item.allowed
    ? 'not-allowed'
    : item.approved
      ? 'approved'
      : changed
        ? 'changed'
        : 'open';
  return (
    <li
      className={`card text-review text-review-${state}`}
      data-testid="review-text"
      data-kind={item.kind}
      data-state={state}
      aria-labelledby={`${id}-title`}
    >
      <h4 id={`${id}-title`} className="text-review-title">
        {t(`exportScreen.textKind.${item.kind}`)}
      </h4>
      <div className="review-columns">
        <div>
          <p className="review-label">{t('exportScreen.original')}</p>
          <p className="review-original" data-testid="review-original">
            {item.original}
          </p>
        </div>
        <div>
          <p className="review-label">{t('exportScreen.scrubbed')}</p>
          <SentText
            item={item}
            kept={kept}
            id={`${id}-sent`}
            {...(item.allowed && { onToggleWord })}
          />
        </div>
      </div>
      <div className="text-review-action">
        {state === 'not-allowed' && <p className="muted">{t('exportScreen.quotesNotAllowed')}</p>}
        {state === 'approved' && (
          <>
            <p className="text-review-status text-review-status-ok" data-testid="review-status">
              {t('exportScreen.approved')}
            </p>
            <button
              type="button"
              className="button"
              onClick={onWithdraw}
              aria-describedby={`${id}-title ${id}-sent`}
              data-testid="review-withdraw"
            >
              {t('exportScreen.withdraw')}
            </button>
          </>
        )}
        {(state === 'open' || state === 'changed') && (
          <>
            {state === 'changed' && (
              <p
                className="text-review-status text-review-status-changed"
                data-testid="review-status"
              >
                {t('exportScreen.changed')}
              </p>
            )}
            <button
              type="button"
              className="button button-primary"
              onClick={onApprove}
              aria-describedby={`${id}-title ${id}-sent`}
              data-testid="review-approve"
            >
              {t('exportScreen.approve')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
