import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeTypes,
  type Node,
  type NodeChange,
  type NodeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPS, type Sector } from '../../../shared/vocabulary';
import { ApiCallError, errorKey } from '../api/client';
import { announce } from '../announcer';
import { JourneyStoreContext, useJourney, useJourneyStore } from '../journey/journey-context';
import {
  createJourneyStore,
  type JourneyStore,
  type TouchpointNode as TouchpointNodeType,
  type TransitionEdge as TransitionEdgeType,
} from '../journey/journey-store';
import { LANE_HEADER_WIDTH, LANE_HEIGHT, laneTop, visibleLanes } from '../journey/lanes';
import { CitizenCopy } from '../journey/CitizenCopy';
import { CompareView } from '../journey/CompareView';
import { EmotionCurve } from '../journey/EmotionCurve';
import { ExportTab } from '../journey/ExportTab';
import { IdeasTab } from '../journey/IdeasTab';
import { LaneLabels } from '../journey/LaneLabels';
import { LaneNode, type LaneNodeType } from '../journey/LaneNode';
import { OutlineView } from '../journey/OutlineView';
import { Palette } from '../journey/Palette';
import { ProfileTab } from '../journey/ProfileTab';
import { SnapshotsTab } from '../journey/SnapshotsTab';
import { TouchpointNode } from '../journey/TouchpointNode';
import { TouchpointPanel } from '../journey/TouchpointPanel';
import { TransitionEdge } from '../journey/TransitionEdge';
import { TransitionPanel } from '../journey/TransitionPanel';
import { navigate } from '../router';
import { TabList, tabId, tabPanelId } from '../components/Tabs';

const MINIMAP_STYLE = { width: 150, height: 90 };
const TABS = ['map', 'citizen', 'ideas', 'snapshots', 'export'] as const;
type Tab = (typeof TABS)[number];

const nodeTypes: NodeTypes = { touchpoint: TouchpointNode, lane: LaneNode };
const edgeTypes: EdgeTypes = { transition: TransitionEdge };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  );
}

function SaveIndicator() {
  const { t } = useTranslation();
  const status = useJourney((s) => s.saveStatus);
  const flush = useJourney((s) => s.flush);
  if (status === 'idle') return null;
  return (
    <div className={`save-status save-${status}`} data-testid="save-status" data-status={status}>
      <span>
        {t(status === 'error' ? 'save.failed' : status === 'saving' ? 'save.saving' : 'save.saved')}
      </span>
      {status === 'error' && (
        <button
          type="button"
          className="button"
          onClick={() => void flush()}
          data-testid="save-retry"
        >
          {t('save.retry')}
        </button>
      )}
    </div>
  );
}

function UndoRedo() {
  const { t } = useTranslation();
  const canUndo = useJourney((s) => s.canUndo);
  const canRedo = useJourney((s) => s.canRedo);
  const undo = useJourney((s) => s.undo);
  const redo = useJourney((s) => s.redo);
  return (
    <div className="button-group">
      <button
        type="button"
        className="button"
        disabled={!canUndo}
        onClick={() => void undo().then(() => announce(t('canvas.undone')))}
        aria-keyshortcuts="Control+Z"
        data-testid="undo"
      >
        ↶ {t('canvas.undo')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!canRedo}
        onClick={() => void redo().then(() => announce(t('canvas.redone')))}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        data-testid="redo"
      >
        ↷ {t('canvas.redo')}
      </button>
    </div>
  );
}

function LayoutButtons() {
  const { t } = useTranslation();
  const autoLayout = useJourney((s) => s.autoLayout);
  const store = useJourneyStore();
  const { fitView } = useReactFlow();
  const fit = () => {
    const ids = store.getState().nodes.map((n) => ({ id: n.id }));
    if (ids.length) {
      void fitView({
        nodes: ids,
        maxZoom: 1,
        padding: { left: '170px', right: '40px', top: '30px', bottom: '30px' },
      });
    }
  };
  return (
    <div className="button-group">
      <button
        type="button"
        className="button"
        onClick={() => {
          autoLayout();
          announce(t('canvas.autoLayoutDone'));
          requestAnimationFrame(fit);
        }}
        data-testid="auto-layout"
      >
        {t('canvas.autoLayout')}
      </button>
      <button type="button" className="button" onClick={fit} data-testid="fit-all">
        {t('canvas.fitAll')}
      </button>
    </div>
  );
}

function MapSwitch({ compare, onCompare }: { compare: boolean; onCompare: (on: boolean) => void }) {
  const { t } = useTranslation();
  const map = useJourney((s) => s.map);
  const setMap = useJourney((s) => s.setMap);
  const choices = [...MAPS, 'both'] as const;
  const current = compare ? 'both' : map;
  return (
    <div className="segmented" role="radiogroup" aria-label={t('canvas.mapSwitchLabel')}>
      {choices.map((m) => (
        <label key={m} className={current === m ? 'segment chosen' : 'segment'}>
          <input
            type="radio"
            name="map-kind"
            className="visually-hidden-radio"
            checked={current === m}
            onChange={() => {
              if (m === 'both') onCompare(true);
              else {
                onCompare(false);
                setMap(m);
              }
            }}
            data-testid={`map-${m}`}
          />
          <span>{m === 'both' ? t('canvas.compare') : t(`vocab.map.${m}`)}</span>
        </label>
      ))}
    </div>
  );
}

function LanesMenu() {
  const { t } = useTranslation();
  const hidden = useJourney((s) => s.hiddenSectors);
  const touchpoints = useJourney((s) => s.touchpoints);
  const map = useJourney((s) => s.map);
  const setHidden = useJourney((s) => s.setSectorHidden);
  const used = new Set(
    Object.values(touchpoints)
      .filter((tp) => tp.map === map)
      .map((tp) => tp.sector),
  );
  return (
    <details className="menu" data-testid="lanes-menu">
      <summary className="button">{t('canvas.lanes')}</summary>
      <div className="menu-body">
        <p className="field-help">{t('canvas.lanesHelp')}</p>
        {visibleLanes([]).map((sector) => (
          <label key={sector} className="checkbox">
            <input
              type="checkbox"
              checked={!hidden.includes(sector)}
              disabled={used.has(sector)}
              onChange={(e) => setHidden(sector, !e.target.checked)}
              data-testid={`lane-toggle-${sector}`}
            />
            <span>{t(`vocab.sector.${sector}`)}</span>
          </label>
        ))}
      </div>
    </details>
  );
}

function useLaneNodes(): LaneNodeType[] {
  const hidden = useJourney((s) => s.hiddenSectors);
  const touchpoints = useJourney((s) => s.touchpoints);
  // Lane width follows the content in coarse steps, so the bands are not rebuilt on every move.
  const STEP = 2000;
  const xs = Object.values(touchpoints).map((tp) => tp.x);
  const minX = Math.floor(Math.min(0, ...xs) / STEP) * STEP;
  const maxX = Math.ceil(Math.max(STEP, ...xs) / STEP) * STEP;
  return useMemo(() => {
    const lanes = visibleLanes(hidden);
    return lanes.map((sector: Sector, index) => ({
      id: `lane:${sector}`,
      type: 'lane' as const,
      position: { x: minX - LANE_HEADER_WIDTH - 2000, y: laneTop(sector, lanes) },
      data: {
        sector,
        width: maxX - minX + LANE_HEADER_WIDTH + 4000,
        height: LANE_HEIGHT,
        index,
      },
      draggable: false,
      selectable: false,
      focusable: false,
      connectable: false,
      zIndex: -1,
    }));
  }, [hidden, minX, maxX]);
}

function Canvas({ onEditRequest }: { onEditRequest: () => void }) {
  const { t } = useTranslation();
  const nodes = useJourney((s) => s.nodes);
  const edges = useJourney((s) => s.edges);
  const onNodesChange = useJourney((s) => s.onNodesChange);
  const onEdgesChange = useJourney((s) => s.onEdgesChange);
  const moveToAdjacentLane = useJourney((s) => s.moveToAdjacentLane);
  const connect = useJourney((s) => s.connect);
  const select = useJourney((s) => s.select);
  const store = useJourneyStore();
  const laneNodes = useLaneNodes();
  const allNodes = useMemo(() => [...laneNodes, ...nodes] as Node[], [laneNodes, nodes]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('flow.keyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) =>
        t('flow.moved', {
          direction: t(`flow.${direction}`, direction),
          x: Math.round(x),
          y: Math.round(y),
        }),
      'edge.a11yDescription.default': t('flow.edgeDescription'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );

  // Stable callbacks: React Flow passes some of them to every node, so a new function on each
  // render would re-render all 500 nodes on every drag step.
  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      connect(c.source, c.target).then(
        (tr) => tr && announce(t('canvas.connected')),
        (error: unknown) => announce(t(errorKey(error)), 'error'),
      );
    },
    [connect, t],
  );
  const onFlowNodesChange = useCallback(
    (changes: NodeChange[]) =>
      onNodesChange(
        changes.filter(
          (c) => !('id' in c) || !c.id.startsWith('lane:'),
        ) as NodeChange<TouchpointNodeType>[],
      ),
    [onNodesChange],
  );
  const onNodeDoubleClick = useCallback(
    (_e: unknown, node: Node) => {
      if (node.type !== 'touchpoint') return;
      select(node.id);
      onEditRequest();
    },
    [select, onEditRequest],
  );
  const onInit = useCallback(
    (instance: ReactFlowInstance<Node, TransitionEdgeType>) => {
      // Fit the touchpoints (not the wide lanes); an empty map starts at the lane names.
      const ids = store.getState().nodes.map((n) => ({ id: n.id }));
      if (ids.length) {
        void instance.fitView({
          nodes: ids,
          maxZoom: 1,
          // Room on the left for the pinned lane names.
          padding: { left: '170px', right: '40px', top: '30px', bottom: '30px' },
        });
      } else void instance.setViewport({ x: 170, y: 20, zoom: 0.8 });
    },
    [store],
  );

  function onKeyDownCapture(e: KeyboardEvent<HTMLDivElement>) {
    const nodeEl = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node-touchpoint');
    const id = nodeEl?.dataset.id;
    if (!id) return;
    if (e.key === 'Enter') {
      // Enter on a focused touchpoint selects it and moves focus to its name in the panel.
      e.preventDefault();
      e.stopPropagation();
      select(id);
      onEditRequest();
    } else if (
      (e.key === 'ArrowUp' || e.key === 'ArrowDown') &&
      !e.altKey &&
      !e.ctrlKey &&
      !e.metaKey
    ) {
      // Up and down move between lanes (the sector changes); left and right move in time.
      e.preventDefault();
      e.stopPropagation();
      moveToAdjacentLane(id, e.key === 'ArrowUp' ? -1 : 1);
      const tp = store.getState().touchpoints[id];
      if (tp) announce(t('canvas.movedToLane', { lane: t(`vocab.sector.${tp.sector}`) }));
    }
  }

  return (
    <div className="canvas" onKeyDownCapture={onKeyDownCapture} data-testid="canvas">
      <ReactFlow
        nodes={allNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onFlowNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDoubleClick={onNodeDoubleClick}
        deleteKeyCode={null}
        onInit={onInit}
        minZoom={0.15}
        maxZoom={2.5}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('canvas.mapLabel')}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={32} />
        <Controls showInteractive={false} position="top-right" />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} style={MINIMAP_STYLE} />
        <LaneLabels />
      </ReactFlow>
      {nodes.length === 0 && (
        <p className="canvas-empty" data-testid="canvas-empty">
          {t('canvas.emptyHint')}
        </p>
      )}
    </div>
  );
}

function AddTouchpointButton({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const addTouchpoint = useJourney((s) => s.addTouchpoint);
  const [busy, setBusy] = useState(false);

  async function onAdd() {
    setBusy(true);
    try {
      const tp = await addTouchpoint({});
      announce(t('canvas.added'));
      onAdded(tp.id);
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="button button-primary"
      onClick={() => void onAdd()}
      disabled={busy}
      aria-describedby="add-touchpoint-help"
      data-testid="add-touchpoint"
    >
      {t('canvas.addTouchpoint')}
    </button>
  );
}

function JourneyView() {
  const { t } = useTranslation();
  const journey = useJourney((s) => s.journey);
  const loading = useJourney((s) => s.loading);
  const loadError = useJourney((s) => s.loadError);
  const selectedEdgeId = useJourney((s) => s.selectedEdgeId);
  const undo = useJourney((s) => s.undo);
  const redo = useJourney((s) => s.redo);
  const { fitView } = useReactFlow();
  const [focusRequest, setFocusRequest] = useState(0);
  const [asList, setAsList] = useState(false);
  const [compare, setCompare] = useState(false);
  const setMap = useJourney((s) => s.setMap);
  const laneNodes = useLaneNodes();
  const [tab, setTab] = useState<Tab>('map');
  const select = useJourney((s) => s.select);
  const requestEdit = useCallback(() => setFocusRequest((n) => n + 1), []);
  const onAdded = (id: string) => {
    requestEdit();
    // Show the new touchpoint, without animating for users who asked for less motion.
    requestAnimationFrame(() => void fitView({ nodes: [{ id }], maxZoom: 1, duration: 0 }));
  };

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo().then(() => announce(t('canvas.undone')));
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void redo().then(() => announce(t('canvas.redone')));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, t]);

  if (loading) {
    return (
      <p className="loading" role="status">
        {t('canvas.loading')}
      </p>
    );
  }
  if (loadError || !journey) {
    const notFound = loadError instanceof ApiCallError && loadError.code === 'not_found';
    return (
      <div className="card" role="alert" data-testid="journey-load-error">
        <p>{t('errors.loadFailed')}</p>
        <p>{t(notFound ? 'errors.not_found' : errorKey(loadError))}</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
          {t('canvas.back')}
        </button>
      </div>
    );
  }

  return (
    <div className="journey" data-testid="journey-screen">
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'home' })}
          data-testid="back-home"
        >
          ← {t('canvas.back')}
        </button>
        <h1 className="journey-title" data-testid="journey-title">
          {journey.alias}
        </h1>
        <SaveIndicator />
      </div>
      <TabList
        tabs={TABS}
        current={tab}
        onSelect={setTab}
        label={t('tabs.label')}
        labelOf={(k) => t(`tabs.${k}`)}
      />
      <div
        className="tab-panel"
        role="tabpanel"
        id={tabPanelId('', tab)}
        aria-labelledby={tabId('', tab)}
      >
        {tab === 'map' && (
          <div className="journey-map">
            <div className="toolbar">
              <MapSwitch compare={compare} onCompare={setCompare} />
              <AddTouchpointButton onAdded={onAdded} />
              <UndoRedo />
              <LayoutButtons />
              <LanesMenu />
              <CitizenCopy />
              <div className="segmented" role="radiogroup" aria-label={t('canvas.viewLabel')}>
                {[false, true].map((list) => (
                  <label
                    key={String(list)}
                    className={asList === list ? 'segment chosen' : 'segment'}
                  >
                    <input
                      type="radio"
                      name="view-kind"
                      className="visually-hidden-radio"
                      checked={asList === list}
                      onChange={() => setAsList(list)}
                      data-testid={list ? 'view-list' : 'view-map'}
                    />
                    <span>{t(list ? 'canvas.viewList' : 'canvas.viewMap')}</span>
                  </label>
                ))}
              </div>
            </div>
            <p id="add-touchpoint-help" className="visually-hidden">
              {t('canvas.addHelp')} {t('canvas.nodeHelp')}
            </p>
            <div className="journey-body">
              <Palette onAdded={onAdded} />
              {compare ? (
                <CompareView
                  lanes={laneNodes}
                  onOpen={(m, id) => {
                    setCompare(false);
                    setMap(m);
                    select(id);
                    requestEdit();
                  }}
                />
              ) : asList ? (
                <OutlineView
                  onEdit={(id) => {
                    select(id);
                    requestEdit();
                  }}
                />
              ) : (
                <div className="canvas-column">
                  <Canvas onEditRequest={requestEdit} />
                  <EmotionCurve />
                </div>
              )}
              {selectedEdgeId ? (
                <TransitionPanel />
              ) : (
                <TouchpointPanel focusRequest={focusRequest} />
              )}
            </div>
          </div>
        )}
        {tab === 'citizen' && <ProfileTab journeyId={journey.id} />}
        {tab === 'ideas' && <IdeasTab journeyId={journey.id} />}
        {tab === 'snapshots' && <SnapshotsTab journeyId={journey.id} />}
        {tab === 'export' && (
          <ExportTab journeyId={journey.id} onGoToConsent={() => setTab('citizen')} />
        )}
      </div>
    </div>
  );
}

export function JourneyScreen({ journeyId }: { journeyId: string }) {
  const [store] = useState<JourneyStore>(() => createJourneyStore(journeyId));
  const storeRef = useRef(store);

  useEffect(() => {
    const s = storeRef.current;
    void s.getState().load();
    // Nothing typed is lost when the window is hidden, closed or reloaded.
    const flush = () => void s.getState().flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      s.getState().dispose();
    };
  }, []);

  return (
    <JourneyStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <JourneyView />
      </ReactFlowProvider>
    </JourneyStoreContext.Provider>
  );
}
