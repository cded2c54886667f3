import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { Service } from '../../../../shared/catalogue';
import type {
  Journey,
  PainPoint,
  PainPointPatch,
  Touchpoint,
  TouchpointPatch,
  Transition,
  TransitionPatch,
} from '../../../../shared/domain/journey';
import type {
  Goal,
  Idea,
  IdeaPatch,
  ProfilePatch,
  Workshop,
  WorkshopPatch,
} from '../../../../shared/domain/workshop';
import type { GoalCategory, MapKind, PainCategory, Sector } from '../../../../shared/vocabulary';
import type { SaveQueue, SaveStatus } from '../../components/save-queue';
import type { Content, GoalPatch } from '../model/content';
import type { TouchpointNode, TransitionEdge } from '../model/view';
import type { Call, Persister } from './persistence';

/** The journey's content (what undo and redo travel through) and React Flow's view of the map. */
export interface GraphSlice extends Content {
  journey: Journey | null;
  services: Service[];
  /** React Flow's view of the current map; runtime fields (selected, measured, dragging) live only here. */
  nodes: TouchpointNode[];
  edges: TransitionEdge[];
}
export interface UiSlice {
  map: MapKind;
  hiddenSectors: Sector[];
  selectedId: string | null;
  selectedEdgeId: string | null;
  loading: boolean;
  loadError: unknown;
}
export interface PersistenceSlice {
  /** The one status of every save of this journey, on every tab. */
  saveStatus: SaveStatus;
  saveError: unknown;
  canUndo: boolean;
  canRedo: boolean;
  /** Sends every waiting edit now; resolves when they are committed (or one failed). */
  flush: () => Promise<void>;
  /** Tries a failed save again at once. */
  retry: () => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  load: () => Promise<void>;
  dispose: () => void;
}
export interface MapActions {
  addTouchpoint: (input: {
    x?: number;
    sector?: Sector;
    serviceCode?: string;
    contactType?: Touchpoint['contactType'];
    label?: string;
  }) => Promise<Touchpoint>;
  /** Edits fields of a touchpoint; typing in one field becomes one undo step. */
  patchTouchpoint: (id: string, patch: TouchpointPatch) => void;
  onNodesChange: (changes: NodeChange<TouchpointNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<TransitionEdge>[]) => void;
  /** End of a drag: the node's lane becomes its sector, and the move is saved. */
  commitDrag: (id: string) => void;
  moveToAdjacentLane: (id: string, direction: -1 | 1) => void;
  /**
   * Moves an undated touchpoint one place earlier (−1) or later (+1) in time (keyboard ← →).
   * A dated one stands at its date and does not move.
   */
  moveInTime: (id: string, direction: -1 | 1) => 'moved' | 'dated' | 'edge' | 'missing';
  deleteTouchpoint: (id: string) => Promise<void>;
  connect: (sourceId: string, targetId: string) => Promise<Transition | null>;
  patchTransition: (id: string, patch: TransitionPatch) => void;
  deleteTransition: (id: string) => Promise<void>;
  addPainPoint: (touchpointId: string, category: PainCategory) => Promise<PainPoint>;
  patchPainPoint: (id: string, patch: PainPointPatch) => void;
  deletePainPoint: (id: string) => Promise<void>;
  select: (id: string | null) => void;
  selectEdge: (id: string | null) => void;
  setMap: (map: MapKind) => void;
  setSectorHidden: (sector: Sector, hidden: boolean) => void;
}
/** The profile, goals, ideas and workshops: the journey's other tabs, saved and undone alike. */
export interface NotesActions {
  patchProfile: (patch: ProfilePatch) => void;
  addGoal: (category: GoalCategory) => Promise<Goal>;
  patchGoal: (id: string, patch: GoalPatch) => void;
  deleteGoal: (id: string) => void;
  addIdea: () => Promise<Idea>;
  patchIdea: (id: string, patch: IdeaPatch) => void;
  deleteIdea: (id: string) => void;
  addWorkshop: (date: string) => Promise<Workshop>;
  patchWorkshop: (id: string, patch: WorkshopPatch) => void;
  deleteWorkshop: (id: string) => void;
}
export type JourneyState = GraphSlice & UiSlice & PersistenceSlice & MapActions & NotesActions;

/** What every slice is built from: the store's own functions and the shared save path. */
export interface SliceContext {
  set: StoreApi<JourneyState>['setState'];
  get: () => JourneyState;
  journeyId: string;
  call: Call;
  queue: SaveQueue;
  save: Persister;
  history: () => TemporalState<Content>;
  /**
   * Applies a content change and re-derives the view; one call is one undo step, or joins the
   * last one when it has the same `coalesceKey` and follows it closely (typing in one field).
   */
  commit: (updater: (s: JourneyState) => Partial<JourneyState>, coalesceKey?: string) => void;
  /** Changes outside history (selection, map shown, lanes), with the view re-derived. */
  view: (patch: Partial<JourneyState>) => void;
  refreshHistoryFlags: () => void;
  /** The next edit starts a new undo step. */
  endCoalescing: () => void;
}
