import {
  BaseEdge,
  EdgeLabelRenderer,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregate, ProcessGraph } from '../../../shared/analysis/aggregate';
import type { Table } from '../../../shared/analysis/tables';
import { announce, useAnnouncer, useClearOnChange } from '../announcer';
import { download } from '../components/download';
import { wholeFlowPicture, withCaption } from '../components/flow-picture';
import { useFlowAriaLabels } from '../journey/flow-aria';
import { ZoomControls } from '../journey/ZoomControls';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  resetFromTopLeft,
  steppedZoom,
  WHOLE_MAP_MIN_ZOOM,
  wholeMapView,
} from '../journey/viewport';
import { FigureTable } from './FigureTable';
import { formatNumber, labelOf } from './labels';
import {
  layoutProcessMap,
  drawnLinks,
  flowOrder,
  leastDrawn,
  MAX_LINKS,
  openingView,
  routePath,
  type Box,
  type Point,
  type ProcessLayout,
  LINK_ROOM,
} from './process-layout';
import { FONT_SAMPLE } from '../components/plain-zero';

type Level = 'sector' | 'contact';

/**
 * Type sizes on the map at 100 % (px), and the least each may be on screen as the map opens: the
 * map never opens below the zoom that keeps its smallest text at MIN_TEXT. The line heights and
 * paddings here are the CSS's (styles.css, "Process map"): boxes are measured before ELK lays
 * them out, so both must agree.
 */
const TYPE = { name: 17, line: 15, label: 15 } as const;
const LINE_HEIGHT = { name: 22, line: 20, label: 20 } as const;
const PLACE_PAD = { x: 12 + 2 + 6, y: 8 + 2 }; // padding + border (+ the sector's bar on the left)
const LABEL_PAD = { x: 8 + 1, y: 3 + 1 };
// 12 px at both levels, as everywhere in the app (the contact level was allowed 11).
const MIN_TEXT: Record<Level, number> = { sector: 12, contact: 12 };
/** By default the strongest links only, so a map of many journeys opens readable. */
const DEFAULT_LINKS = 20;
/**
 * A slider dragged or held changes the map many times a second: the map is laid out again once it
 * has been still this long (a layout, once started, cannot be stopped).
 */
const SETTLE_MS = 150;
const LINE_COLOUR = '#34495e';

type PlaceData = {
  name: string;
  contact: string | null;
  count: string;
  sector: string;
};
type PlaceNode = Node<PlaceData, 'place'>;
type RouteData = { points: Point[]; label: Box | null; text: string; width: number };
type RouteEdge = Edge<RouteData, 'route'>;

const PlaceNodeView = memo(function PlaceNodeView({ data }: NodeProps<PlaceNode>) {
  return (
    <div className="pm-place" data-sector={data.sector} data-testid="process-place">
      {/* React Flow draws a link only between handles; ELK's routes ignore where they are. */}
      <Handle type="target" position={Position.Left} isConnectable={false} className="pm-handle" />
      <span className="pm-place-name">{data.name}</span>
      {data.contact !== null && <span className="pm-place-line">{data.contact}</span>}
      <span className="pm-place-line">{data.count}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} className="pm-handle" />
    </div>
  );
});

/**
 * A link as ELK routed it: through its bend points, as wide as its journeys, with its arrowhead
 * drawn here (not an SVG marker, which would grow with the line's width) and its label in the box
 * ELK kept free for it. The label is HTML over the map; the link's own accessible name says it.
 */
const RouteEdgeView = memo(function RouteEdgeView({ id, data }: EdgeProps<RouteEdge>) {
  if (!data || data.points.length < 2) return null;
  const { points, width } = data;
  const end = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  const head = Math.min(length, 9 + 1.4 * width);
  // Within the room the link has at its place, so arrowheads side by side stay apart.
  const half = Math.min(5 + 0.9 * width, LINK_ROOM / 2 - 1);
  const base = { x: end.x - ux * head, y: end.y - uy * head };
  const line = [...points.slice(0, -1), base];
  const arrow = `M ${end.x} ${end.y} L ${base.x - uy * half} ${base.y + ux * half} L ${
    base.x + uy * half
  } ${base.y - ux * half} Z`;
  return (
    <>
      <BaseEdge
        id={id}
        path={routePath(line)}
        interactionWidth={0}
        style={{ stroke: LINE_COLOUR, strokeWidth: width, fill: 'none' }}
      />
      <path d={arrow} fill={LINE_COLOUR} stroke="none" data-testid="process-arrow" />
      {data.label && (
        <EdgeLabelRenderer>
          <div
            className="pm-edge-label"
            style={{
              transform: `translate(${data.label.x}px, ${data.label.y}px)`,
              width: data.label.width,
              height: data.label.height,
            }}
            aria-hidden="true"
            data-testid="process-edge-label"
          >
            {data.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

const nodeTypes = { place: PlaceNodeView };
const edgeTypes = { route: RouteEdgeView };

let measurer: CanvasRenderingContext2D | null = null;
/** The width of a line of text in the app's typeface (loaded first, so widths are final). */
async function textWidths(lines: { text: string; size: number; weight: number }[]) {
  const fonts = [...new Set(lines.map((l) => `${l.weight} ${l.size}px "Atkinson Hyperlegible"`))];
  await Promise.all(fonts.map((f) => document.fonts.load(f, FONT_SAMPLE).catch(() => [])));
  measurer ??= document.createElement('canvas').getContext('2d');
  return lines.map((l) => {
    if (!measurer) return l.text.length * l.size * 0.6;
    measurer.font = `${l.weight} ${l.size}px "Atkinson Hyperlegible", system-ui, sans-serif`;
    return measurer.measureText(l.text).width;
  });
}

/** The least height of the map (px): below this, on a small window, the page scrolls instead. */
const MIN_MAP_HEIGHT = 360;

/**
 * The map's height: the rest of the scrolling page below the map's top as the view opens, so the
 * whole map is in sight without scrolling on a laptop (the tables under it are scrolled to).
 */
function useRestOfWindow(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
  /** What sits above the map and may change height (it is measured again when it does). */
  above: readonly RefObject<HTMLElement | null>[],
): number | undefined {
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    if (!active) return;
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      let scroller: HTMLElement | null = el.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) {
        scroller = scroller.parentElement;
      }
      const frame = scroller ?? document.documentElement;
      const top =
        el.getBoundingClientRect().top -
        (scroller ? scroller.getBoundingClientRect().top : 0) +
        frame.scrollTop;
      const padding = scroller ? parseFloat(getComputedStyle(scroller).paddingBottom) || 0 : 0;
      setHeight(Math.max(MIN_MAP_HEIGHT, Math.floor(frame.clientHeight - top - padding - 4)));
    };
    measure();
    // Again once the app's typeface is in (text above the map may wrap differently), and when
    // what is above the map changes height (the toolbar wrapping onto two rows).
    let live = true;
    void document.fonts.ready.then(() => live && measure());
    const observer = new ResizeObserver(measure);
    for (const a of above) if (a.current) observer.observe(a.current);
    window.addEventListener('resize', measure);
    return () => {
      live = false;
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, active, above]);
  return height;
}

interface Drawn {
  /** Which inputs this layout answers; while it is not the current one, the map is dimmed. */
  key: string;
  /** How many layouts this view has started, this one included (`data-layouts`, for the tests). */
  count: number;
  layout: ProcessLayout;
  places: PlaceNode[];
  links: RouteEdge[];
  view: { x: number; y: number; zoom: number };
}

/**
 * The directly-follows graph of the cohort: places (sectors, or sector and contact type) and the
 * links between them, as wide as the number of journeys taking them, with the median days. Laid
 * out by ELK in ranks from left to right. Only shown figures are drawn; the table under the map
 * lists every link, hidden ones as hidden.
 */
const clearStatus = () => useAnnouncer.getState().clear();

/**
 * `selection` says in words who the figures are about ("Alle borgere · Sådan er det i dag · k = 5"):
 * the downloaded picture carries it under the map.
 */
export function ProcessMapView(props: {
  aggregate: Aggregate;
  tables: Table[];
  selection: string;
}) {
  return (
    <ReactFlowProvider>
      <ProcessMap {...props} />
    </ReactFlowProvider>
  );
}

function ProcessMap({
  aggregate,
  tables,
  selection,
}: {
  aggregate: Aggregate;
  tables: Table[];
  selection: string;
}) {
  const { t, i18n } = useTranslation();
  const [level, setLevel] = useState<Level>('sector');
  // «process-map.png er gemt» belongs to the map it was said of, not to the other level's.
  useClearOnChange(level, clearStatus);
  const flow = useReactFlow();
  const keysHelpId = useId();
  const fitHelpId = useId();
  const ariaLabelConfig = useFlowAriaLabels('processMap');
  /** The map by keyboard: arrows move it (Shift: further), + and − zoom, 0 back to 100 %. */
  const onMapKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.shiftKey ? 240 : 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    const { x, y, zoom } = flow.getViewport();
    if (move) void flow.setViewport({ x: x + move[0], y: y + move[1], zoom }, { duration: 0 });
    else if (e.key === '+' || e.key === '=')
      void flow.zoomTo(steppedZoom(zoom, 1), { duration: 0 });
    else if (e.key === '-' || e.key === '−')
      void flow.zoomTo(steppedZoom(zoom, -1), { duration: 0 });
    else if (e.key === '0') void flow.setViewport(resetFromTopLeft(flow.getViewport()));
    else return;
    // The page does not scroll under the map as it moves.
    e.preventDefault();
  };
  const graph: ProcessGraph =
    level === 'contact' ? aggregate.processMapDetailed : aggregate.processMap;
  // The shown links, strongest first.
  const shownEdges = useMemo(
    () =>
      graph.edges
        .flatMap((e) =>
          e.cell.shown
            ? [{ from: e.from, to: e.to, journeys: e.cell.journeys, days: e.cell.value.medianDays }]
            : [],
        )
        .sort((a, b) => b.journeys - a.journeys),
    [graph],
  );
  // The slider's ends come from the links there are to show, at this level.
  const most = shownEdges[0]?.journeys ?? aggregate.k;
  const least = leastDrawn(
    shownEdges.map((e) => e.journeys),
    MAX_LINKS,
    aggregate.k,
  );
  const capped = shownEdges.length > MAX_LINKS;
  const [chosen, setChosen] = useState<Record<Level, number | null>>({
    sector: null,
    contact: null,
  });
  const threshold = Math.min(
    most,
    Math.max(least, chosen[level] ?? shownEdges[DEFAULT_LINKS - 1]?.journeys ?? least),
  );
  const sliderId = useId();
  const rangeId = useId();
  const countId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const mapToolsRef = useRef<HTMLDivElement>(null);
  // The toolbar, and the help and counts over the map (which grow as the count or the cap's
  // sentence changes): the map keeps to the rest of the window either way.
  const above = useMemo(() => [toolbarRef, mapToolsRef], []);
  const mapHeight = useRestOfWindow(paneRef, shownEdges.length > 0, above);
  const tableName = level === 'contact' ? 'process-map-contact-edges' : 'process-map-edges';
  const table = tables.find((x) => x.name === tableName)!;

  // What to draw, in words: places and links with their texts (the layout measures them).
  const content = useMemo(() => {
    const language = i18n.language;
    const visible = drawnLinks(shownEdges, threshold, MAX_LINKS);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const through = (id: string) => {
      const cell = byId.get(id)?.cell;
      return cell?.shown ? cell.journeys : 0;
    };
    // In the order journeys go in, as far as the links say it (flowOrder).
    const ids = flowOrder([...new Set(visible.flatMap((e) => [e.from, e.to]))], visible, through);
    const places = ids.map((id) => {
      const cell = byId.get(id)?.cell;
      const [sector, contact] = id.split('|') as [string, string | undefined];
      return {
        id,
        sector,
        name: labelOf(t, 'sector', sector),
        contact:
          contact === undefined
            ? null
            : contact === 'unspecified'
              ? t('program.unspecified')
              : t(`vocab.contactType.${contact}`, { defaultValue: contact }),
        count: cell?.shown
          ? t('program.matrixCell', { journeys: formatNumber(language, cell.journeys, '') })
          : t('program.hidden'),
        whole: labelOf(t, 'node', id),
      };
    });
    const names = new Map(places.map((p) => [p.id, p.whole]));
    const widest = Math.max(1, ...visible.map((e) => e.journeys));
    const links = visible.map((e) => {
      const journeys = formatNumber(language, e.journeys, '');
      const days =
        e.days === null
          ? t('program.noMedian')
          : t('program.medianDays', { days: formatNumber(language, e.days, '') });
      return {
        id: `${e.from}>${e.to}`,
        from: e.from,
        to: e.to,
        journeys: e.journeys,
        width: 1.5 + (7 * e.journeys) / widest,
        text: t('program.edgeLabel', { journeys, days }),
        aria: t('program.edgeAria', {
          from: names.get(e.from),
          to: names.get(e.to),
          journeys,
          days,
        }),
      };
    });
    return {
      places,
      links,
      // Some link says «median skjult» though it rests on k journeys or more: the help says why.
      medianHidden: visible.some((e) => e.days === null),
      key: `${level}|${threshold}|${language}|${ids.join(',')}`,
    };
  }, [shownEdges, threshold, graph.nodes, level, t, i18n.language]);

  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [failed, setFailed] = useState(false);
  /** Layouts started so far: the first starts at once, later ones once the inputs are still. */
  const layouts = useRef(0);
  useEffect(() => {
    if (content.links.length === 0) return;
    let live = true;
    const lay = async () => {
      const { places, links } = content;
      const widths = await textWidths([
        ...places.flatMap((p) => [
          { text: p.name, size: TYPE.name, weight: 700 },
          { text: p.contact ?? '', size: TYPE.line, weight: 400 },
          { text: p.count, size: TYPE.line, weight: 400 },
        ]),
        ...links.map((l) => ({ text: l.text, size: TYPE.label, weight: 600 })),
      ]);
      const placeIn = places.map((p, i) => ({
        id: p.id,
        // Rounded up, with a pixel to spare: a box a hair too narrow would wrap its last word.
        width: Math.ceil(Math.max(...widths.slice(3 * i, 3 * i + 3)) + 2 * PLACE_PAD.x + 2),
        height:
          LINE_HEIGHT.name + LINE_HEIGHT.line * (p.contact === null ? 1 : 2) + 2 * PLACE_PAD.y,
      }));
      const linkWidths = widths.slice(3 * places.length);
      const linkIn = links.map((l, i) => ({
        id: l.id,
        from: l.from,
        to: l.to,
        journeys: l.journeys,
        label: {
          text: l.text,
          width: Math.ceil(linkWidths[i]! + 2 * LABEL_PAD.x + 2),
          height: LINE_HEIGHT.label + 2 * LABEL_PAD.y,
        },
      }));
      // Another map was asked for meanwhile: this one is not laid out at all.
      if (!live) return;
      const count = ++layouts.current;
      const layout = await layoutProcessMap(placeIn, linkIn);
      if (!live) return;
      const pane = paneRef.current;
      // The map opens on its start: the place at the top of its first rank (the order the map
      // reads in, flowOrder, puts where journeys start there), so the map's own top and left
      // edges are where it begins and no place above it is cut.
      const start = placeIn.reduce((a, b) => {
        const [pa, pb] = [layout.places.get(a.id)!, layout.places.get(b.id)!];
        return pb.x < pa.x - 1 || (Math.abs(pb.x - pa.x) <= 1 && pb.y < pa.y) ? b : a;
      });
      const view = openingView(
        layout,
        { width: pane?.clientWidth ?? 1000, height: pane?.clientHeight ?? 500 },
        Math.min(TYPE.name, TYPE.line, TYPE.label),
        MIN_TEXT[level],
        layout.places.get(start.id),
        undefined,
        [
          ...layout.places.values(),
          ...[...layout.links.values()].flatMap((l) => (l.label ? [l.label] : [])),
        ],
        // Its text's block: the height it was given before links made it taller.
        start.height,
      );
      setDrawn({
        key: content.key,
        count,
        layout,
        view,
        places: places.map((p) => {
          const box = layout.places.get(p.id)!;
          return {
            id: p.id,
            type: 'place',
            position: { x: box.x, y: box.y },
            width: box.width,
            height: box.height,
            style: { width: box.width, height: box.height },
            data: { name: p.name, contact: p.contact, count: p.count, sector: p.sector },
            ariaRole: 'img',
            ariaLabel: t('program.placeAria', { place: p.whole, count: p.count }),
            domAttributes: { 'aria-roledescription': t('program.placeRole') },
          };
        }),
        links: links.map((l) => {
          const route = layout.links.get(l.id)!;
          return {
            id: l.id,
            type: 'route',
            source: l.from,
            target: l.to,
            data: { points: route.points, label: route.label, text: l.text, width: l.width },
            ariaRole: 'img',
            ariaLabel: l.aria,
            domAttributes: { 'aria-roledescription': t('program.linkRole') },
          };
        }),
      });
      setFailed(false);
    };
    const start = () =>
      void lay().catch(() => {
        if (live) setFailed(true);
      });
    const timer = layouts.current > 0 ? setTimeout(start, SETTLE_MS) : null;
    if (timer === null) start();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [content, level, t]);

  const empty = content.links.length === 0;
  const current = drawn !== null && drawn.key === content.key;

  async function savePng() {
    const el = paneRef.current?.querySelector<HTMLElement>('.react-flow');
    if (!el) return;
    try {
      const url = await withCaption(await wholeFlowPicture(el), [
        `${t('program.tabs.processMap')} · ${t(level === 'contact' ? 'program.levelContact' : 'program.levelSector')}`,
        aggregate.cohort.shown
          ? `${selection} · ${t('program.cohort', {
              count: aggregate.cohort.journeys,
              n: formatNumber(i18n.language, aggregate.cohort.journeys, ''),
            })}`
          : selection,
        `${t('program.pictureLinks', {
          count: shownEdges.length,
          drawn: formatNumber(i18n.language, content.links.length, ''),
          all: formatNumber(i18n.language, shownEdges.length, ''),
        })}: ${t('program.pictureCaption', {
          count: threshold,
          date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date()),
        })}`,
      ]);
      const name = level === 'contact' ? 'process-map-contact.png' : 'process-map.png';
      download(url, name);
      announce(t('program.downloaded', { file: name }));
    } catch {
      announce(t('copy.failed'), 'error');
    }
  }

  return (
    <div className="process-map-view">
      <div className="toolbar pm-toolbar" ref={toolbarRef}>
        <div className="segmented" role="radiogroup" aria-label={t('program.level')}>
          {(['sector', 'contact'] as const).map((l) => (
            <label key={l} className={level === l ? 'segment chosen' : 'segment'}>
              <input
                type="radio"
                name="map-level"
                className="visually-hidden-radio"
                checked={level === l}
                onChange={() => setLevel(l)}
                data-testid={`level-${l}`}
              />
              {t(l === 'contact' ? 'program.levelContact' : 'program.levelSector')}
            </label>
          ))}
        </div>
        <div className="pm-slider">
          <label htmlFor={sliderId} className="pm-slider-label">
            {t('program.minJourneys', { count: threshold })}
          </label>
          <span className="pm-range">
            <span className="pm-slider-end" aria-hidden="true">
              {least}
            </span>
            <input
              id={sliderId}
              type="range"
              min={least}
              max={most}
              step={1}
              value={threshold}
              disabled={empty || least === most}
              aria-describedby={empty ? rangeId : `${rangeId} ${countId}`}
              onChange={(e) => setChosen((c) => ({ ...c, [level]: Number(e.target.value) }))}
              data-testid="min-journeys"
            />
            <span className="pm-slider-end" aria-hidden="true">
              {most}
            </span>
          </span>
          <span id={rangeId} className={least === most && !empty ? 'pm-note' : 'visually-hidden'}>
            {least === most
              ? t('program.sliderOneValue', { count: least })
              : t('program.sliderRange', { min: least, max: most })}
          </span>
        </div>
      </div>
      {empty ? (
        <p className="muted" data-testid="map-empty">
          {t('program.mapEmpty')}
        </p>
      ) : (
        <>
          <button
            type="button"
            className="pm-skip"
            onClick={() => tableRef.current?.focus()}
            data-testid="to-links-table"
          >
            {t('program.toLinksTable')}
          </button>
          {/* Over the map, not on it, so no control covers a place or a label; the toolbar above
              stays one row on a 1024 px screen. The picture shows the map only. */}
          <div className="pm-maptools" ref={mapToolsRef}>
            <p className="field-help pm-help">
              {t('program.mapHelp')}{' '}
              <span id={countId} data-testid="map-count">
                {t('program.mapCount', {
                  count: shownEdges.length,
                  drawn: formatNumber(i18n.language, content.links.length, ''),
                  all: formatNumber(i18n.language, shownEdges.length, ''),
                })}
              </span>
              {content.medianHidden && (
                <>
                  {' '}
                  <span data-testid="map-no-median">
                    {t('program.noMedianWhy', { k: aggregate.k })}
                  </span>
                </>
              )}
              {capped && (
                <>
                  {' '}
                  <span data-testid="map-capped">
                    {t('program.mapCapped', {
                      max: formatNumber(i18n.language, MAX_LINKS, ''),
                      least: formatNumber(i18n.language, least, ''),
                    })}
                  </span>
                </>
              )}
            </p>
            <ZoomControls resetFrom="topLeft" />
            {/* The whole map in the pane, however small its text gets: an overview to find a
                place in, which the percentage takes back to 100 %. */}
            <button
              type="button"
              className="button pm-fit"
              onClick={() => {
                // The layout's own bounds, not the places': links run round them, labels on.
                const pane = paneRef.current;
                if (drawn && pane) {
                  void flow.setViewport(
                    wholeMapView(drawn.layout, {
                      width: pane.clientWidth,
                      height: pane.clientHeight,
                    }),
                  );
                }
                announce(t('program.mapFitDone'));
              }}
              disabled={!current}
              title={t('program.mapFitHelp')}
              aria-describedby={fitHelpId}
              data-testid="map-fit"
            >
              {t('program.mapFit')}
            </button>
            <span id={fitHelpId} className="visually-hidden">
              {t('program.mapFitHelp')}
            </span>
            <button
              type="button"
              className="button pm-png"
              onClick={() => void savePng()}
              disabled={!current}
              data-testid="map-png"
            >
              {t('program.downloadPng')}
            </button>
          </div>
          <p id={keysHelpId} className="visually-hidden">
            {t('program.mapKeys')}
          </p>
          {/* A keyboard reaches the map and moves it (onMapKey), as a mouse drags it; a group, not
              an application, so a screen reader still reads the places and links in it. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- pans by keys */}
          <div
            className={current ? 'pm-map' : 'pm-map stale'}
            ref={paneRef}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the map pans by keys
            tabIndex={0}
            role="group"
            aria-roledescription={t('program.mapRole')}
            aria-label={t('program.tabs.processMap')}
            aria-describedby={keysHelpId}
            onKeyDown={onMapKey}
            style={mapHeight === undefined ? undefined : { height: mapHeight }}
            aria-busy={!current}
            data-testid="process-map"
            data-level={level}
            data-ready={current ? 'true' : 'false'}
            data-layouts={drawn?.count ?? 0}
          >
            {drawn && (
              <ReactFlow
                key={drawn.key}
                nodes={drawn.places}
                edges={drawn.links}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                defaultViewport={drawn.view}
                nodesDraggable={false}
                nodesConnectable={false}
                nodesFocusable={false}
                edgesFocusable={false}
                elementsSelectable={false}
                disableKeyboardA11y
                // The map is most of the window: the wheel scrolls the page on to the table of
                // links, as everywhere else. Zooming is the buttons, a pinch, or Ctrl and the wheel.
                zoomOnScroll={false}
                preventScrolling={false}
                // A large map's whole view goes below the buttons' least zoom (wholeMapView).
                minZoom={Math.min(MIN_ZOOM, WHOLE_MAP_MIN_ZOOM)}
                maxZoom={MAX_ZOOM}
                proOptions={{ hideAttribution: true }}
                ariaLabelConfig={ariaLabelConfig}
                aria-label={t('program.tabs.processMap')}
              />
            )}
            {!current && (
              <p className="pm-status" role="status">
                {failed ? t('program.mapFailed') : t('program.mapLaying')}
              </p>
            )}
          </div>
        </>
      )}
      <div ref={tableRef} tabIndex={-1} className="pm-table">
        <FigureTable table={table} k={aggregate.k} />
      </div>
    </div>
  );
}
