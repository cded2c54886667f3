import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Idea, IdeaPatch } from '../../../shared/domain/workshop';
import { AIMS, GOAL_CATEGORIES, type GoalCategory } from '../../../shared/vocabulary';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/fields';
import { useJourney } from './journey-context';

const TEXT_MAX = 2000;

/** Goals and ideas in the order they were made (as the database lists them). */
const byCreation = (a: Goal | Idea, b: Goal | Idea) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Removing a goal or an idea asks first: at the table a stray tap must not erase the citizen's
 * words. Undo brings it back while the journey is open.
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

function GoalItem({ goal: g }: { goal: Goal }) {
  const { t } = useTranslation();
  const patchGoal = useJourney((s) => s.patchGoal);
  const deleteGoal = useJourney((s) => s.deleteGoal);
  return (
    <li className="card" data-testid="goal">
      <SelectField
        label={t('ideas.goalCategory')}
        value={g.category}
        options={GOAL_CATEGORIES.map((c) => ({ value: c, label: t(`ideas.goalCategories.${c}`) }))}
        onChange={(category) => category && patchGoal(g.id, { category })}
        testId="goal-category"
      />
      <TextField
        label={t('ideas.goalText')}
        value={g.text}
        max={TEXT_MAX}
        tooLongMessage={t('panel.textTooLong', { max: TEXT_MAX })}
        onChange={(text) => patchGoal(g.id, { text })}
        multiline
        testId="goal-text"
      />
      <DeleteButton
        label={t('ideas.goalDelete')}
        title={t('ideas.goalDeleteTitle')}
        body={t('ideas.goalDeleteBody')}
        onConfirm={() => {
          deleteGoal(g.id);
          announce(t('ideas.goalDeleted'));
        }}
        testId="goal-delete"
      />
    </li>
  );
}

function IdeaItem({ idea: i }: { idea: Idea }) {
  const { t } = useTranslation();
  const painPoints = useJourney((s) => s.painPoints);
  const touchpoints = useJourney((s) => s.touchpoints);
  const patchIdea = useJourney((s) => s.patchIdea);
  const deleteIdea = useJourney((s) => s.deleteIdea);
  const id = useId();
  const edit = (patch: IdeaPatch) => patchIdea(i.id, patch);
  // Links to a touchpoint or pain point deleted since are let go with the next change of links
  // (the main process refuses links to rows that are not in the journey).
  const linkedTouchpoints = i.touchpointIds.filter((x) => touchpoints[x]);
  const linkedPains = i.painPointIds.filter((x) => painPoints[x]);
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
                  edit({
                    aims: e.target.checked ? [...i.aims, a] : i.aims.filter((x) => x !== a),
                  })
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
                edit({
                  painPointIds: e.target.checked
                    ? [...linkedPains, p.id]
                    : linkedPains.filter((x) => x !== p.id),
                })
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
                  edit({
                    touchpointIds: e.target.checked
                      ? [...linkedTouchpoints, tp.id]
                      : linkedTouchpoints.filter((x) => x !== tp.id),
                  })
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
        onConfirm={() => {
          deleteIdea(i.id);
          announce(t('ideas.ideaDeleted'));
        }}
        testId="idea-delete"
      />
    </li>
  );
}

/** What matters to the citizen, and the ideas for a better pathway tied to what hurt. */
export function IdeasTab() {
  const { t } = useTranslation();
  const goalsById = useJourney((s) => s.goals);
  const ideasById = useJourney((s) => s.ideas);
  const addGoal = useJourney((s) => s.addGoal);
  const addIdea = useJourney((s) => s.addIdea);
  const [category, setCategory] = useState<GoalCategory>('health');
  const titleId = useId();
  const goals = Object.values(goalsById).sort(byCreation);
  const ideas = Object.values(ideasById).sort(byCreation);
  const fail = (e: unknown) => announce(t(errorKey(e)), 'error');

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
            <GoalItem key={g.id} goal={g} />
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
            onClick={() => addGoal(category).catch(fail)}
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
            <IdeaItem key={i.id} idea={i} />
          ))}
        </ul>
        <button
          type="button"
          className="button"
          onClick={() => addIdea().catch(fail)}
          data-testid="idea-add"
        >
          {t('ideas.ideaAdd')}
        </button>
      </section>
    </div>
  );
}
