import {
  MarkerType,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  Handle,
  Position,
} from '@xyflow/react';
import { memo, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregate, ProcessGraph } from '../../../shared/analysis/aggregate';
import type { Table } from '../../../shared/analysis/tables';
import { announce } from '../announcer';
import { download } from '../components/download';
import { flowPicture } from '../components/flow-picture';
import { FigureTable } from './FigureTable';
import { formatNumber, labelOf } from './labels';
import { layoutProcessMap } from './process-layout';

type PlaceData = { label: string; count: string; sector: string };
type PlaceNode = Node<PlaceData, 'place'>;

const PlaceNodeView = memo(function PlaceNodeView({ data }: NodeProps<PlaceNode>) {
  return (
    <div className={`place-node sector-${data.sector}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="place-label">{data.label}</span>
      <span className="place-count">{data.count}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
const nodeTypes = { place: PlaceNodeView };
const DEFAULT_LINKS = 20;

/**
 * The directly-follows graph of the cohort: places (sectors, or sector and contact type) and the
 * links between them, as wide as the number of journeys taking them, with the median days.
 * Only shown figures are drawn; the table under the map lists every link, hidden ones as hidden.
 */
export function ProcessMapView({ aggregate, tables }: { aggregate: Aggregate; tables: Table[] }) {
  const { t, i18n } = useTranslation();
  const [detailed, setDetailed] = useState(false);
  const graph: ProcessGraph = detailed ? aggregate.processMapDetailed : aggregate.processMap;
  // The shown links, strongest first: kept while only the slider moves, so is the layout below.
  const shownEdges = useMemo(
    () =>
      graph.edges
        .flatMap((e) => (e.cell.shown ? [{ ...e, journeys: e.cell.journeys }] : []))
        .sort((a, b) => b.journeys - a.journeys),
    [graph],
  );
  const maxJourneys = Math.max(aggregate.k, shownEdges[0]?.journeys ?? 0);
  const [minJourneys, setMinJourneys] = useState<number | null>(null);
  // By default the strongest links only, so a map of many journeys opens readable.
  const threshold = Math.min(
    Math.max(minJourneys ?? shownEdges[DEFAULT_LINKS - 1]?.journeys ?? aggregate.k, aggregate.k),
    maxJourneys,
  );
  const sliderId = useId();
  const mapRef = useRef<HTMLDivElement>(null);
  const tableName = detailed ? 'process-map-contact-edges' : 'process-map-edges';
  const table = tables.find((x) => x.name === tableName)!;

  const { nodes, edges } = useMemo(() => {
    const visible = shownEdges.flatMap((e) =>
      e.cell.shown && e.journeys >= threshold
        ? [{ from: e.from, to: e.to, journeys: e.journeys, medianDays: e.cell.value.medianDays }]
        : [],
    );
    const ids = [...new Set(visible.flatMap((e) => [e.from, e.to]))];
    const size = detailed ? { width: 230, height: 72 } : { width: 190, height: 64 };
    const pos = layoutProcessMap(ids, visible, size);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const nodes: PlaceNode[] = ids.map((id) => {
      const cell = byId.get(id)?.cell;
      return {
        id,
        type: 'place',
        position: { x: pos.get(id)!.x, y: pos.get(id)!.y },
        data: {
          label: labelOf(t, 'node', id),
          sector: id.split('|')[0]!,
          count: cell?.shown
            ? t('program.matrixCell', { journeys: formatNumber(i18n.language, cell.journeys, '') })
            : t('program.hidden'),
        },
        style: { width: size.width },
      };
    });
    const widest = Math.max(1, ...visible.map((e) => e.journeys));
    const edges: Edge[] = visible.map((e) => ({
      id: `${e.from}>${e.to}`,
      source: e.from,
      target: e.to,
      label: t('program.edgeLabel', {
        journeys: formatNumber(i18n.language, e.journeys, ''),
        days:
          e.medianDays === null
            ? t('program.noMedian')
            : t('program.medianDays', { days: formatNumber(i18n.language, e.medianDays, '') }),
      }),
      style: { strokeWidth: 1.5 + (10 * e.journeys) / widest, stroke: '#3d4f63' },
      markerEnd: { type: MarkerType.ArrowClosed, color: '#3d4f63' },
      labelStyle: { fontSize: 14 },
      labelBgPadding: [4, 2] as [number, number],
    }));
    return { nodes, edges };
  }, [shownEdges, threshold, detailed, graph.nodes, t, i18n.language]);

  async function savePng() {
    const el = mapRef.current?.querySelector<HTMLElement>('.react-flow');
    if (!el) return;
    try {
      const url = await flowPicture(el);
      const name = detailed ? 'process-map-contact.png' : 'process-map.png';
      download(url, name);
      announce(t('program.downloaded', { file: name }));
    } catch {
      announce(t('copy.failed'), 'error');
    }
  }

  return (
    <div className="process-map-view">
      <div className="toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('program.level')}>
          {[false, true].map((d) => (
            <label key={String(d)} className={detailed === d ? 'segment chosen' : 'segment'}>
              <input
                type="radio"
                name="map-level"
                className="visually-hidden-radio"
                checked={detailed === d}
                onChange={() => setDetailed(d)}
                data-testid={d ? 'level-contact' : 'level-sector'}
              />
              {t(d ? 'program.levelContact' : 'program.levelSector')}
            </label>
          ))}
        </div>
        <label htmlFor={sliderId} className="slider-field">
          <span>{t('program.minJourneys', { count: threshold })}</span>
          <input
            id={sliderId}
            type="range"
            min={aggregate.k}
            max={maxJourneys}
            value={threshold}
            onChange={(e) => setMinJourneys(Number(e.target.value))}
            data-testid="min-journeys"
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => void savePng()}
          disabled={edges.length === 0}
          data-testid="map-png"
        >
          {t('program.downloadPng')}
        </button>
      </div>
      {edges.length === 0 ? (
        <p className="muted" data-testid="map-empty">
          {t('program.mapEmpty')}
        </p>
      ) : (
        <div className="program-map" ref={mapRef} data-testid="process-map">
          <ReactFlow
            key={`${detailed}-${threshold}-${nodes.length}-${edges.length}`}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            fitView
            minZoom={0.1}
            proOptions={{ hideAttribution: true }}
            aria-label={t('program.tabs.processMap')}
          />
        </div>
      )}
      <FigureTable table={table} k={aggregate.k} />
    </div>
  );
}
