/// <reference types="vite/client" />
/**
 * The baseline for the canvas benchmark: bare React Flow with 500 default nodes and 499 default
 * edges, laid out like the benchmark's journey (same x spacing, one row per sector lane), so the
 * app's canvas is compared with the library doing the same amount of work and nothing else.
 */
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './bare.css';

const COUNT = 500;
// The app's swimlane geometry (11 sectors, 150 px lanes, nodes 28 px below a lane's top).
const LANES = 11;
const LANE_HEIGHT = 150;
const NODE_TOP_PADDING = 28;

const initialNodes: Node[] = Array.from({ length: COUNT }, (_, i) => ({
  id: `n${i}`,
  position: { x: i * 60, y: (i % LANES) * LANE_HEIGHT + NODE_TOP_PADDING },
  data: { label: `Kontaktpunkt ${i}` },
}));

const initialEdges: Edge[] = Array.from({ length: COUNT - 1 }, (_, i) => ({
  id: `e${i}`,
  source: `n${i}`,
  target: `n${i + 1}`,
}));

function BareFlow() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      // The app lets a 500-touchpoint journey zoom out to 0.15 when fitting it; the same limit
      // here keeps the same number of nodes on screen, so both pages paint comparable frames.
      minZoom={0.15}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BareFlow />
  </StrictMode>,
);
