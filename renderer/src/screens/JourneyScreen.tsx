import {
  Background,
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
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { MAPS } from '../../../shared/vocabulary';
import { ApiCallError, errorKey } from '../api/client';
import { announce } from '../announcer';
import { JourneyStoreContext, useJourney, useJourneyStore } from '../journey/journey-context';
import {
  createJourneyStore,
  type JourneyStore,
  type TouchpointNode as TouchpointNodeType,
  type TransitionEdge as TransitionEdgeType,
} from '../journey/journey-store';
import { LANE_COLUMN_WIDTH, NODE_HEIGHT, NODE_WIDTH } from '../journey/lanes';
import { xForPlace } from '../journey/auto-layout';
import { cardRectsOf, useLabelPlaces, useLaidOutCards } from '../journey/use-layout';
import { TimeRuler } from '../journey/TimeRuler';
import { useFlowAriaLabels } from '../journey/flow-aria';
import { useNamedEdges } from '../journey/named-edges';
import { ZoomControls } from '../journey/ZoomControls';
import {
  MAX_ZOOM,
  MIN_READABLE_ZOOM,
  MIN_ZOOM,
  OPENING_PAD,
  isInView,
  openingViewFor,
} from '../journey/viewport';
import { CompareView } from '../journey/CompareView';
import { EmotionCurve } from '../journey/EmotionCurve';
import { ExportTab } from '../journey/ExportTab';
import { IdeasTab } from '../journey/IdeasTab';
import { LaneLabels } from '../journey/LaneLabels';
import { LaneNode, laneNodes, laneSpan, type LaneNodeType } from '../journey/LaneNode';
import { MoreMenu } from '../journey/MoreMenu';
import { OutlineView } from '../journey/OutlineView';
import { Palette } from '../journey/Palette';
import { ProfileTab } from '../journey/ProfileTab';
import { SnapshotsTab } from '../journey/SnapshotsTab';
import { TouchpointNode } from '../journey/TouchpointNode';
import { TouchpointPanel } from '../journey/TouchpointPanel';
import { LabelPlaces, TransitionEdge } from '../journey/TransitionEdge';
import { TransitionPanel } from '../journey/TransitionPanel';
import { navigate } from '../router';
import { TabList, tabId, tabPanelId } from '../components/Tabs';
import { SaveIndicator, UndoRedo } from '../journey/JourneyControls';
import { useFlushOnHide } from '../components/use-save-queue';

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

/** The pane of the map (React Flow's own element), measured for placing and opening. */
function paneSize(): { width: number; height: number } {
  const el = document.querySelector<HTMLElement>('[data-testid="canvas-flow"]');
  return { width: el?.clientWidth ?? 800, height: el?.clientHeight ?? 400 };
}

/**
 * The map's view actions in one place: open on the start of the journey at a readable zoom,
 * show everything, place a new touchpoint where the user is looking, and bring one into view.
 */
function useMapView() {
  const store = useJourneyStore();
  const { setViewport, getViewport, fitView } = useReactFlow();
  return useMemo(() => {
    const openAtStart = () => {
      const s = store.getState();
      void setViewport(openingViewFor(s.nodes, s.hiddenSectors, paneSize()), { duration: 0 });
    };
    const fitAll = () => {
      const ids = store.getState().nodes.map((n) => ({ id: n.id }));
      if (ids.length)
        void fitView({ nodes: ids, minZoom: MIN_ZOOM, maxZoom: 1, padding: '24px', duration: 0 });
    };
    /**
     * The stored x of a new (undated) touchpoint: its place in time is right after the last card
     * the user can see, so it appears where they are looking (at the end, when they see the whole
     * journey), in the lane chosen.
     */
    const placeNew = (): number => {
      const vp = getViewport();
      const rightEdge = (paneSize().width - vp.x) / vp.zoom;
      const s = store.getState();
      const place = s.nodes.filter((n) => n.position.x + NODE_WIDTH / 2 < rightEdge).length;
      return xForPlace(
        Object.values(s.touchpoints).filter((tp) => tp.map === s.map),
        place,
      );
    };
    const reveal = (id: string) => {
      const node = store.getState().nodes.find((n) => n.id === id);
      if (!node) return;
      const box = node.position;
      const vp = getViewport();
      const pane = paneSize();
      if (isInView(box, vp, pane) && vp.zoom >= MIN_READABLE_ZOOM) return;
      const zoom = Math.max(vp.zoom, MIN_READABLE_ZOOM);
      // Move the map as little as it takes to show the card with a margin, so the cards the user
      // was looking at stay in view where they can.
      const margin = OPENING_PAD.x;
      const shift = (start: number, size: number, paneSize: number, offset: number) => {
        const left = offset + start * zoom;
        const right = left + size * zoom;
        if (left < margin) return offset + (margin - left);
        if (right > paneSize - margin) return offset - (right - (paneSize - margin));
        return offset;
      };
      const scale = zoom / vp.zoom;
      const x0 = pane.width / 2 - (pane.width / 2 - vp.x) * scale;
      const y0 = pane.height / 2 - (pane.height / 2 - vp.y) * scale;
      void setViewport(
        {
          zoom,
          x: shift(box.x, NODE_WIDTH, pane.width, x0),
          y: shift(box.y, NODE_HEIGHT, pane.height, y0),
        },
        { duration: 0 },
      );
    };
    return { openAtStart, fitAll, placeNew, reveal };
  }, [store, setViewport, getViewport, fitView]);
}

function MapSwitch({ compare, onCompare }: { compare: boolean; onCompare: (on: boolean) => void }) {
  const { t } = useTranslation();
  const map = useJourney((s) => s.map);
  const setMap = useJourney((s) => s.setMap);
  const select = useJourney((s) => s.select);
  const choices = [...MAPS, 'both'] as const;
  const current = compare ? 'both' : map;
  return (
    <div className="segmented" role="radiogroup" aria-label={t('canvas.mapSwitchLabel')}>
      {choices.map((m) => (
        <label
          key={m}
          className={current === m ? 'segment chosen' : 'segment'}
          title={m === 'both' ? t('canvas.compare') : t(`vocab.map.${m}`)}
        >
          <input
            type="radio"
            name="map-kind"
            className="visually-hidden-radio"
            checked={current === m}
            onChange={() => {
              if (m === 'both') {
                // Both maps are read there, not edited (a card opens on its own map): the
                // panel of a card or line chosen before closes, and the maps get its width —
                // at 1024 px a third of the window.
                select(null);
                onCompare(true);
              } else {
                onCompare(false);
                setMap(m);
              }
            }}
            data-testid={`map-${m}`}
          />
          <span>{t(`canvas.mapShort.${m}`)}</span>
        </label>
      ))}
    </div>
  );
}

function useLaneNodes(): LaneNodeType[] {
  const hidden = useJourney((s) => s.hiddenSectors);
  const nodes = useJourney((s) => s.nodes);
  const { minX, maxX } = laneSpan(nodes.map((n) => n.position.x));
  return useMemo(() => laneNodes(hidden, minX, maxX), [hidden, minX, maxX]);
}

function Canvas({
  onEditRequest,
  takeRevealOnOpen,
}: {
  onEditRequest: () => void;
  /** A card to open the map on instead of the journey's start (asked once, when it opens). */
  takeRevealOnOpen: () => string | null;
}) {
  const { t } = useTranslation();
  const nodes = useJourney((s) => s.nodes);
  const edges = useJourney((s) => s.edges);
  const map = useJourney((s) => s.map);
  const onNodesChange = useJourney((s) => s.onNodesChange);
  const onEdgesChange = useJourney((s) => s.onEdgesChange);
  const moveToAdjacentLane = useJourney((s) => s.moveToAdjacentLane);
  const moveInTime = useJourney((s) => s.moveInTime);
  const connect = useJourney((s) => s.connect);
  const select = useJourney((s) => s.select);
  const store = useJourneyStore();
  const laneBands = useLaneNodes();
  const allNodes = useMemo(() => [...laneBands, ...nodes] as Node[], [laneBands, nodes]);
  const namedEdges = useNamedEdges(edges);
  const cards = useLaidOutCards();
  const cardRects = useMemo(() => cardRectsOf(cards), [cards]);
  const labelPlaces = useLabelPlaces(cardRects, map);
  const { openAtStart, reveal } = useMapView();

  // A card selected opens its panel beside the map, which narrows it: the card the panel is
  // about stays in view (once the map has its new width), moved no more than it takes.
  // A card chosen by pressing on it may be the start of a drag: the map waits until the pointer is
  // up (a drag's drop reveals it anyway), so nothing moves under the finger.
  const selectedId = useJourney((s) => s.selectedId);
  const pointerDown = useRef(false);
  useEffect(() => {
    const down = () => (pointerDown.current = true);
    const up = () => (pointerDown.current = false);
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
    };
  }, []);
  useEffect(() => {
    if (!selectedId) return;
    let inner = 0;
    let outer = 0;
    const soon = () => {
      outer = requestAnimationFrame(() => {
        inner = requestAnimationFrame(() => reveal(selectedId));
      });
    };
    if (!pointerDown.current) {
      soon();
      return () => {
        cancelAnimationFrame(outer);
        cancelAnimationFrame(inner);
      };
    }
    window.addEventListener('pointerup', soon, { once: true });
    return () => {
      window.removeEventListener('pointerup', soon);
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [selectedId, reveal]);

  // Each map (as-is, to-be) opens on its own start.
  const firstMap = useRef(map);
  useEffect(() => {
    if (firstMap.current === map) return;
    firstMap.current = map;
    requestAnimationFrame(openAtStart);
  }, [map, openAtStart]);

  const ariaLabelConfig = useFlowAriaLabels();

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
  // A dated card dragged sideways goes back to its date: say why, and how to move it in time.
  const dragStartX = useRef(new Map<string, number>());
  const onNodeDragStart = useCallback((_e: unknown, node: Node) => {
    dragStartX.current.set(node.id, node.position.x);
  }, []);
  const onNodeDragStop = useCallback(
    (_e: unknown, node: Node) => {
      const startX = dragStartX.current.get(node.id);
      dragStartX.current.delete(node.id);
      const tp = store.getState().touchpoints[node.id];
      if (tp?.date && startX !== undefined && Math.abs(node.position.x - startX) > NODE_WIDTH / 4)
        announce(t('canvas.datedStays'));
      // Where it landed may be beside the panel that opened for it: keep it in view.
      requestAnimationFrame(() => requestAnimationFrame(() => reveal(node.id)));
    },
    [store, t, reveal],
  );
  // Opens on the start of the journey at a readable zoom (never "fit everything" at 15 %).
  const onInit = useCallback(
    (_instance: ReactFlowInstance<Node, TransitionEdgeType>) => {
      const id = takeRevealOnOpen();
      if (id) reveal(id);
      else openAtStart();
    },
    [openAtStart, reveal, takeRevealOnOpen],
  );

  function onKeyDownCapture(e: KeyboardEvent<HTMLDivElement>) {
    const nodeEl = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node-touchpoint');
    const id = nodeEl?.dataset.id;
    if (!id || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') {
      // Enter on a focused touchpoint selects it and moves focus to its name in the panel.
      e.preventDefault();
      e.stopPropagation();
      select(id);
      onEditRequest();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      // Up and down move between lanes (the sector changes); left and right move in time.
      e.preventDefault();
      e.stopPropagation();
      const before = store.getState().touchpoints[id]?.sector;
      moveToAdjacentLane(id, e.key === 'ArrowUp' ? -1 : 1);
      const tp = store.getState().touchpoints[id];
      if (tp && tp.sector !== before)
        announce(t('canvas.movedToLane', { lane: t(`vocab.sector.${tp.sector}`) }));
      else if (tp)
        announce(t(e.key === 'ArrowUp' ? 'canvas.alreadyTopLane' : 'canvas.alreadyBottomLane'));
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      // The focused card moves without being selected first (the help says so).
      e.preventDefault();
      e.stopPropagation();
      const direction = e.key === 'ArrowLeft' ? -1 : 1;
      const result = moveInTime(id, direction);
      announce(
        t(
          result === 'dated'
            ? 'canvas.datedStays'
            : result === 'edge'
              ? direction < 0
                ? 'canvas.alreadyFirst'
                : 'canvas.alreadyLast'
              : direction < 0
                ? 'canvas.movedEarlier'
                : 'canvas.movedLater',
        ),
      );
    }
  }

  return (
    <div
      className="canvas"
      data-testid="canvas"
      style={{ ['--lane-column' as string]: `${LANE_COLUMN_WIDTH}px` }}
    >
      <div className="canvas-corner">
        <ZoomControls />
      </div>
      <TimeRuler />
      <LaneLabels />
      <div className="canvas-flow" onKeyDownCapture={onKeyDownCapture} data-testid="canvas-flow">
        <LabelPlaces.Provider value={labelPlaces}>
          <ReactFlow
            nodes={allNodes}
            edges={namedEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onFlowNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDoubleClick={onNodeDoubleClick}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            deleteKeyCode={null}
            // A calm map: it never scrolls by itself while a line is being drawn.
            autoPanOnConnect={false}
            // Tab goes from card to card; a line is opened from its card's panel (or a click).
            edgesFocusable={false}
            onInit={onInit}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            ariaLabelConfig={ariaLabelConfig}
            aria-label={t('canvas.mapLabel')}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={32} />
          </ReactFlow>
        </LabelPlaces.Provider>
        {nodes.length === 0 && (
          <p className="canvas-empty" data-testid="canvas-empty">
            {t('canvas.emptyHint')}
          </p>
        )}
      </div>
      <EmotionCurve />
    </div>
  );
}

function AddTouchpointButton({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const addTouchpoint = useJourney((s) => s.addTouchpoint);
  const { placeNew } = useMapView();
  const [busy, setBusy] = useState(false);

  async function onAdd() {
    setBusy(true);
    try {
      const tp = await addTouchpoint({ x: placeNew() });
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
      title={t('canvas.addTouchpoint')}
      data-testid="add-touchpoint"
    >
      + {t('canvas.addShort')}
    </button>
  );
}

/** Below this window width the palette and the panel are not open together. */
const NARROW_SCREEN_PX = 1200;

/** A side drawer beside the map (the palette, the panel): it gives the map back when closed. */
function Drawer(props: {
  side: 'left' | 'right';
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <aside
      className={`drawer drawer-${props.side}`}
      aria-label={props.title}
      data-testid={props.testId}
    >
      <div className="drawer-head">
        <button
          type="button"
          className="button drawer-close"
          onClick={props.onClose}
          aria-label={t('canvas.closeNamed', { name: props.title })}
          data-testid={`${props.testId}-close`}
        >
          ✕ {t('canvas.close')}
        </button>
      </div>
      <div className="drawer-body">{props.children}</div>
    </aside>
  );
}

function JourneyView() {
  const { t } = useTranslation();
  const journey = useJourney((s) => s.journey);
  const loading = useJourney((s) => s.loading);
  const loadError = useJourney((s) => s.loadError);
  const selectedId = useJourney((s) => s.selectedId);
  const selectedEdgeId = useJourney((s) => s.selectedEdgeId);
  const hasTouchpoints = useJourney((s) => Object.keys(s.touchpoints).length > 0);
  const undo = useJourney((s) => s.undo);
  const redo = useJourney((s) => s.redo);
  const selectEdge = useJourney((s) => s.selectEdge);
  const { fitAll, placeNew, reveal } = useMapView();
  const [focusRequest, setFocusRequest] = useState(0);
  const revealOnOpen = useRef<string | null>(null);
  const takeRevealOnOpen = useCallback(() => {
    const id = revealOnOpen.current;
    revealOnOpen.current = null;
    return id;
  }, []);
  const [asList, setAsList] = useState(false);
  const [compare, setCompare] = useState(false);
  // The palette starts open on an empty map (where there is nothing else to do), closed otherwise.
  const [paletteOpen, setPaletteOpen] = useState<boolean | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const setMap = useJourney((s) => s.setMap);
  const [tab, setTab] = useState<Tab>('map');
  useEffect(() => {
    // On the map the status line stands over the window's bottom instead of taking a line of
    // the map's (styles.css, .on-map); on the other tabs it keeps its line, under their buttons.
    if (tab !== 'map') return;
    document.body.classList.add('on-map');
    return () => document.body.classList.remove('on-map');
  }, [tab]);
  const store = useJourneyStore();
  // What the next tab reads from the database (the export's preview) includes every edit made.
  const selectTab = (next: Tab) => {
    if (store.getState().saveStatus === 'saving')
      void store
        .getState()
        .flush()
        .finally(() => setTab(next));
    else setTab(next);
  };
  const select = useJourney((s) => s.select);
  const requestEdit = useCallback(() => setFocusRequest((n) => n + 1), []);
  const onAdded = (id: string) => {
    requestEdit();
    // Scroll the new touchpoint into view once it is drawn, without animation.
    requestAnimationFrame(() => reveal(id));
  };
  // On a narrow screen the two drawers together would leave the map a sliver: while the panel is
  // open, the palette gives way, and comes back when the panel closes.
  const panelOpenNow = selectedId !== null || selectedEdgeId !== null;
  const showPalette =
    (paletteOpen ?? !hasTouchpoints) && !(panelOpenNow && window.innerWidth < NARROW_SCREEN_PX);
  const panelOpen = panelOpenNow;

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

  // Full screen: the map alone for a projector or a tablet. The page's own chrome folds away;
  // the window also goes full screen where the system allows it. Escape leaves.
  useEffect(() => {
    document.body.classList.toggle('map-fullscreen', fullscreen);
    if (!fullscreen) return;
    const leave = () => {
      setFullscreen(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !isTyping(e.target)) leave();
    };
    // The system's own way out of full screen (Escape, F11) leaves the map-alone mode too.
    const onSystemChange = () => {
      if (!document.fullscreenElement) setFullscreen(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onSystemChange);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onSystemChange);
      document.body.classList.remove('map-fullscreen');
    };
  }, [fullscreen]);
  const enterFullscreen = () => {
    // Full screen shows the map itself, whatever view was open.
    setTab('map');
    setAsList(false);
    setCompare(false);
    setFullscreen(true);
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  const leaveFullscreen = () => {
    setFullscreen(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

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
    <div
      className={fullscreen ? 'journey journey-fullscreen' : 'journey'}
      data-testid="journey-screen"
    >
      <div className="journey-head">
        <button
          type="button"
          className="button"
          onClick={() => navigate({ name: 'home' })}
          aria-label={t('canvas.back')}
          title={t('canvas.back')}
          data-testid="back-home"
        >
          ← {t('canvas.backShort')}
        </button>
        <h1 className="journey-title" data-testid="journey-title">
          {journey.alias}
        </h1>
        <TabList
          tabs={TABS}
          current={tab}
          onSelect={selectTab}
          label={t('tabs.label')}
          labelOf={(k) => t(`tabs.${k}`)}
        />
        {/* On the map, undo sits in its toolbar; on the other tabs here, for the same history. */}
        {tab !== 'map' && <UndoRedo />}
        <SaveIndicator />
      </div>
      <div
        className="tab-panel"
        role="tabpanel"
        id={tabPanelId('', tab)}
        aria-labelledby={tabId('', tab)}
      >
        {tab === 'map' && (
          <div className="journey-map">
            <div className="toolbar map-toolbar" data-testid="map-toolbar">
              {!fullscreen && <MapSwitch compare={compare} onCompare={setCompare} />}
              <AddTouchpointButton onAdded={onAdded} />
              <button
                type="button"
                className={showPalette ? 'button toggle-on' : 'button'}
                aria-expanded={showPalette}
                aria-controls="palette-drawer"
                onClick={() => {
                  // On a narrow screen the palette takes the panel's place.
                  if (!showPalette && window.innerWidth < NARROW_SCREEN_PX) {
                    select(null);
                    selectEdge(null);
                  }
                  setPaletteOpen(!showPalette);
                }}
                data-testid="palette-toggle"
              >
                {t('canvas.paletteToggle')}
              </button>
              <UndoRedo />
              <button
                type="button"
                className="button"
                onClick={fitAll}
                title={t('canvas.fitAll')}
                data-testid="fit-all"
              >
                {t('canvas.fitAllShort')}
              </button>
              {!fullscreen && (
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
              )}
              {fullscreen && <SaveIndicator />}
              {fullscreen ? (
                <button
                  type="button"
                  className="button"
                  onClick={leaveFullscreen}
                  aria-keyshortcuts="Escape"
                  data-testid="fullscreen-leave"
                >
                  {t('canvas.fullscreenLeave')}
                </button>
              ) : (
                <MoreMenu onFullscreen={enterFullscreen} />
              )}
            </div>
            <p id="add-touchpoint-help" className="visually-hidden">
              {t('canvas.addHelp')} {t('canvas.nodeHelp')}
            </p>
            <div className="journey-body">
              {showPalette && (
                <Drawer
                  side="left"
                  title={t('canvas.paletteTitle')}
                  onClose={() => {
                    setPaletteOpen(false);
                    // Focus goes back to the button that opens it again.
                    requestAnimationFrame(() =>
                      document
                        .querySelector<HTMLElement>('[data-testid="palette-toggle"]')
                        ?.focus(),
                    );
                  }}
                  testId="palette-drawer"
                >
                  <Palette
                    onAdded={(id) => {
                      // Adding from the palette keeps it open for the next one.
                      setPaletteOpen(true);
                      onAdded(id);
                    }}
                    placeNew={placeNew}
                  />
                </Drawer>
              )}
              {compare ? (
                <CompareView
                  onOpen={(m, id) => {
                    // The map opens on the chosen card, not on the journey's start.
                    revealOnOpen.current = id;
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
                <Canvas onEditRequest={requestEdit} takeRevealOnOpen={takeRevealOnOpen} />
              )}
              {panelOpen && (
                <Drawer
                  side="right"
                  title={t(selectedEdgeId ? 'canvas.transitionTitle' : 'panel.title')}
                  onClose={() => {
                    // Focus goes back to the card or line the panel was about.
                    const id = selectedEdgeId ?? selectedId;
                    if (selectedEdgeId) selectEdge(null);
                    else select(null);
                    requestAnimationFrame(() =>
                      document
                        .querySelector<HTMLElement>(
                          `.react-flow__node[data-id="${CSS.escape(id ?? '')}"], .react-flow__edge[data-id="${CSS.escape(id ?? '')}"]`,
                        )
                        ?.focus(),
                    );
                  }}
                  testId="panel-drawer"
                >
                  {selectedEdgeId ? (
                    <TransitionPanel />
                  ) : (
                    <TouchpointPanel focusRequest={focusRequest} />
                  )}
                </Drawer>
              )}
            </div>
          </div>
        )}
        {tab === 'citizen' && <ProfileTab />}
        {tab === 'ideas' && <IdeasTab />}
        {tab === 'snapshots' && <SnapshotsTab journeyId={journey.id} />}
        {tab === 'export' && (
          <ExportTab journeyId={journey.id} onGoToConsent={() => selectTab('citizen')} />
        )}
      </div>
    </div>
  );
}

export function JourneyScreen({ journeyId }: { journeyId: string }) {
  const [store] = useState<JourneyStore>(() => createJourneyStore(journeyId));
  const storeRef = useRef(store);

  useEffect(() => {
    // The page's chrome gives way to the map while a journey is open (styles.css, .on-journey).
    document.body.classList.add('on-journey');
    return () => document.body.classList.remove('on-journey');
  }, []);

  useEffect(() => {
    const s = storeRef.current;
    void s.getState().load();
    return () => s.getState().dispose();
  }, []);
  // Nothing typed is lost when the window is hidden, closed or reloaded.
  useFlushOnHide(store.getState().flush);

  return (
    <JourneyStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <JourneyView />
      </ReactFlowProvider>
    </JourneyStoreContext.Provider>
  );
}
