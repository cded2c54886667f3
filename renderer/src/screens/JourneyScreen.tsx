import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type NodeTypes,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, errorKey } from '../api/client';
import { announce } from '../announcer';
import { JourneyStoreContext, useJourney, useJourneyStore } from '../journey/journey-context';
import { createJourneyStore } from '../journey/journey-store';
import { TouchpointNode } from '../journey/TouchpointNode';
import { TouchpointPanel } from '../journey/TouchpointPanel';
import { navigate } from '../router';

const nodeTypes: NodeTypes = { touchpoint: TouchpointNode };
const NODE_SPACING = 48;

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

function Canvas({ onEditRequest }: { onEditRequest: () => void }) {
  const { t } = useTranslation();
  const nodes = useJourney((s) => s.nodes);
  const edges = useJourney((s) => s.edges);
  const onNodesChange = useJourney((s) => s.onNodesChange);
  const onEdgesChange = useJourney((s) => s.onEdgesChange);
  const commitPosition = useJourney((s) => s.commitPosition);
  const connect = useJourney((s) => s.connect);
  const select = useJourney((s) => s.select);

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

  function onConnect(c: Connection) {
    if (!c.source || !c.target) return;
    connect(c.source, c.target).then(
      (tr) => tr && announce(t('canvas.connected')),
      (error: unknown) => announce(t(errorKey(error)), 'error'),
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    // Enter on a focused touchpoint selects it and moves focus to its name in the panel.
    const nodeEl = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    if (e.key === 'Enter' && nodeEl?.dataset.id) {
      e.preventDefault();
      select(nodeEl.dataset.id);
      onEditRequest();
    }
  }

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- delegates Enter from focusable nodes
    <div className="canvas" onKeyDown={onKeyDown} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStop={(_e, _node, dragged) => dragged.forEach((n) => commitPosition(n.id))}
        onNodeDoubleClick={(_e, node) => {
          select(node.id);
          onEditRequest();
        }}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ maxZoom: 1.2, padding: 0.2 }}
        minZoom={0.2}
        maxZoom={2.5}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('canvas.mapLabel')}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={32} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} />
      </ReactFlow>
      {nodes.length === 0 && (
        <p className="canvas-empty" data-testid="canvas-empty">
          {t('canvas.emptyHint')}
        </p>
      )}
    </div>
  );
}

function AddTouchpointButton({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const { screenToFlowPosition } = useReactFlow();
  const addTouchpoint = useJourney((s) => s.addTouchpoint);
  const store = useJourneyStore();
  const [busy, setBusy] = useState(false);

  async function onAdd() {
    // Place it in the middle of what is visible, stepping aside from any touchpoint already there
    // (so adding works without dragging, WCAG 2.5.7).
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const center = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    let { x, y } = { x: center.x - 90, y: center.y - 30 };
    const taken = Object.values(store.getState().touchpoints);
    for (
      let i = 0;
      i < 200 &&
      taken.some((tp) => Math.abs(tp.x - x) < NODE_SPACING && Math.abs(tp.y - y) < NODE_SPACING);
      i++
    ) {
      x += NODE_SPACING;
      y += NODE_SPACING / 2;
    }
    setBusy(true);
    try {
      await addTouchpoint({ x, y });
      announce(t('canvas.added'));
      onAdded();
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
  const [focusRequest, setFocusRequest] = useState(0);
  const requestEdit = () => setFocusRequest((n) => n + 1);

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
        <AddTouchpointButton onAdded={requestEdit} />
        <SaveIndicator />
      </div>
      <p id="add-touchpoint-help" className="toolbar-help">
        {t('canvas.addHelp')} {t('canvas.nodeHelp')}
      </p>
      <div className="journey-body">
        <Canvas onEditRequest={requestEdit} />
        <TouchpointPanel focusRequest={focusRequest} />
      </div>
    </div>
  );
}

export function JourneyScreen({ journeyId }: { journeyId: string }) {
  const [store] = useState(() => createJourneyStore(journeyId));
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
