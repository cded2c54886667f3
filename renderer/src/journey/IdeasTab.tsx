import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Idea, IdeaPatch } from '../../../shared/domain/workshop';
import { AIMS, GOAL_CATEGORIES, type GoalCategory } from '../../../shared/vocabulary';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/fields';
import { usePatchQueue } from '../components/use-patch-queue';
import { useJourney } from './journey-context';

const TEXT_MAX = 2000;

/**
 * Removing a goal or an idea asks first: at the table a stray tap must not erase the citizen's
 * words (deletion in the database is real erasure, with no undo).
 */
function DeleteButton(props: {
  label: string;
  title: string;
  body: string;
  onConfirm: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => setAsking(true)}
        data-testid={props.testId}
      >
        {props.label}
      </button>
      <ConfirmDialog
        open={asking}
        title={props.title}
        body={props.body}
        confirmLabel={t('ideas.deleteConfirm')}
        cancelLabel={t('ideas.deleteCancel')}
        danger
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          props.onConfirm();
        }}
        testId={`${props.testId}-dialog`}
      />
    </>
  );
}

function GoalItem({ goal, onDeleted }: { goal: Goal; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [g, setG] = useState(goal);
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);
  const save = useCallback(
    (patch: { category?: GoalCategory; text?: string }) =>
      call('goals:update', { id: g.id, patch }).catch(fail),
    [g.id, fail],
  );
  const { queue } = usePatchQueue(save);
  return (
    <li className="card" data-testid="goal">
      <SelectField
        label={t('ideas.goalCategory')}
        value={g.category}
        options={GOAL_CATEGORIES.map((c) => ({ value: c, label: t(`ideas.goalCategories.${c}`) }))}
        onChange={(category) => {
          if (!category) return;
          setG((cur) => ({ ...cur, category }));
          queue({ category }, true);
        }}
        testId="goal-category"
      />
      <TextField
        label={t('ideas.goalText')}
        value={g.text}
        max={TEXT_MAX}
        tooLongMessage={t('panel.textTooLong', { max: TEXT_MAX })}
        onChange={(text) => {
          setG((cur) => ({ ...cur, text }));
          queue({ text });
        }}
        multiline
        testId="goal-text"
      />
      <DeleteButton
        label={t('ideas.goalDelete')}
        title={t('ideas.goalDeleteTitle')}
        body={t('ideas.goalDeleteBody')}
        onConfirm={() => call('goals:delete', { id: g.id }).then(onDeleted, fail)}
        testId="goal-delete"
      />
    </li>
  );
}

function IdeaItem({ idea, onDeleted }: { idea: Idea; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [i, setI] = useState(idea);
  const painPoints = useJourney((s) => s.painPoints);
  const touchpoints = useJourney((s) => s.touchpoints);
  const id = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);
  const save = useCallback(
    (patch: IdeaPatch) => call('ideas:update', { id: i.id, patch }).catch(fail),
    [i.id, fail],
  );
  const { queue } = usePatchQueue<IdeaPatch>(save);
  const edit = (patch: IdeaPatch, immediate = false) => {
    setI((cur) => ({ ...cur, ...patch }));
    queue(patch, immediate);
  };
  const pains = Object.values(painPoints);
  return (
    <li className="card" data-testid="idea">
      <TextField
        label={t('ideas.ideaText')}
        value={i.text}
        max={TEXT_MAX}
        tooLongMessage={t('panel.textTooLong', { max: TEXT_MAX })}
        onChange={(text) => edit({ text })}
        multiline
        testId="idea-text"
      />
      <fieldset className="fieldset">
        <legend className="field-label">{t('ideas.ideaAims')}</legend>
        <div className="checkbox-row">
          {AIMS.map((a) => (
            <label key={a} className="checkbox">
              <input
                type="checkbox"
                checked={i.aims.includes(a)}
                onChange={(e) =>
                  edit(
                    { aims: e.target.checked ? [...i.aims, a] : i.aims.filter((x) => x !== a) },
                    true,
                  )
                }
                data-testid={`idea-aim-${a}`}
              />
              <span>{t(`vocab.aim.${a}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" aria-describedby={pains.length ? undefined : `${id}-none`}>
        <legend className="field-label">{t('ideas.ideaPains')}</legend>
        {pains.length === 0 && (
          <p id={`${id}-none`} className="muted">
            {t('ideas.noPains')}
          </p>
        )}
        {pains.map((p) => (
          <label key={p.id} className="checkbox">
            <input
              type="checkbox"
              checked={i.painPointIds.includes(p.id)}
              onChange={(e) =>
                edit(
                  {
                    painPointIds: e.target.checked
                      ? [...i.painPointIds, p.id]
                      : i.painPointIds.filter((x) => x !== p.id),
                  },
                  true,
                )
              }
              data-testid="idea-pain"
            />
            <span>
              {t('ideas.painOption', {
                category: t(`vocab.painCategory.${p.category}`),
                touchpoint: touchpoints[p.touchpointId]?.label.trim() || t('canvas.untitled'),
              })}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field-label">{t('ideas.ideaTouchpoints')}</legend>
        {Object.keys(touchpoints).length === 0 && (
          <p className="muted">{t('ideas.noTouchpoints')}</p>
        )}
        {Object.values(touchpoints)
          .sort((a, b) => a.map.localeCompare(b.map) || a.x - b.x)
          .map((tp) => (
            <label key={tp.id} className="checkbox">
              <input
                type="checkbox"
                checked={i.touchpointIds.includes(tp.id)}
                onChange={(e) =>
                  edit(
                    {
                      touchpointIds: e.target.checked
                        ? [...i.touchpointIds, tp.id]
                        : i.touchpointIds.filter((x) => x !== tp.id),
                    },
                    true,
                  )
                }
                data-testid="idea-touchpoint"
              />
              <span>
                {t('ideas.touchpointOption', {
                  label: tp.label.trim() || t('canvas.untitled'),
                  map: t(`vocab.map.${tp.map}`),
                })}
              </span>
            </label>
          ))}
      </fieldset>
      <DeleteButton
        label={t('ideas.ideaDelete')}
        title={t('ideas.ideaDeleteTitle')}
        body={t('ideas.ideaDeleteBody')}
        onConfirm={() => call('ideas:delete', { id: i.id }).then(onDeleted, fail)}
        testId="idea-delete"
      />
    </li>
  );
}

/** What matters to the citizen, and the ideas for a better pathway tied to what hurt. */
export function IdeasTab({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const [ideas, setIdeas] = useState<Idea[] | null>(null);
  const [version, setVersion] = useState(0);
  const [category, setCategory] = useState<GoalCategory>('health');
  const titleId = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);

  useEffect(() => {
    let live = true;
    Promise.all([call('goals:list', { journeyId }), call('ideas:list', { journeyId })]).then(
      ([g, i]) => {
        if (!live) return;
        setGoals(g);
        setIdeas(i);
      },
      fail,
    );
    return () => {
      live = false;
    };
  }, [journeyId, version, fail]);

  if (!goals || !ideas) return null;
  const refresh = () => setVersion((v) => v + 1);

  return (
    <div className="tab-page form-grid" data-testid="ideas-tab">
      <section className="card" aria-labelledby={`${titleId}-goals`}>
        <h2 id={`${titleId}-goals`} className="section-title">
          {t('ideas.goalsTitle')}
        </h2>
        <p className="field-help">{t('ideas.goalsHelp')}</p>
        {goals.length === 0 && <p className="muted">{t('ideas.goalNone')}</p>}
        <ul className="plain-list">
          {goals.map((g) => (
            <GoalItem key={g.id} goal={g} onDeleted={refresh} />
          ))}
        </ul>
        <div className="inline-add">
          <SelectField
            label={t('ideas.goalCategory')}
            value={category}
            options={GOAL_CATEGORIES.map((c) => ({
              value: c,
              label: t(`ideas.goalCategories.${c}`),
            }))}
            onChange={(c) => c && setCategory(c)}
            testId="goal-new-category"
          />
          <button
            type="button"
            className="button"
            onClick={() =>
              call('goals:create', { journeyId, category }).then(
                (g) => setGoals((cur) => [...(cur ?? []), g]),
                fail,
              )
            }
            data-testid="goal-add"
          >
            {t('ideas.goalAdd')}
          </button>
        </div>
      </section>
      <section className="card" aria-labelledby={`${titleId}-ideas`}>
        <h2 id={`${titleId}-ideas`} className="section-title">
          {t('ideas.ideasTitle')}
        </h2>
        <p className="field-help">{t('ideas.ideasHelp')}</p>
        {ideas.length === 0 && <p className="muted">{t('ideas.ideaNone')}</p>}
        <ul className="plain-list">
          {ideas.map((i) => (
            <IdeaItem key={i.id} idea={i} onDeleted={refresh} />
          ))}
        </ul>
        <button
          type="button"
          className="button"
          onClick={() =>
            call('ideas:create', { journeyId }).then(
              (i) => setIdeas((cur) => [...(cur ?? []), i]),
              fail,
            )
          }
          data-testid="idea-add"
        >
          {t('ideas.ideaAdd')}
        </button>
      </section>
    </div>
  );
}
