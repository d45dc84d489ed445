import ELK from 'elkjs/lib/elk.bundled.js';
import type { ProcessGraphModel } from './processGraph';

export const nodeWidth = 200;
export const nodeHeight = 72;

export interface Positions {
  readonly [stepKey: string]: { readonly x: number; readonly y: number };
}

const elk = new ELK();

/** Lays the steps out left to right with ELK's layered algorithm; edges only inform the layering. */
export async function layoutGraph(model: ProcessGraphModel, direction: 'RIGHT' | 'DOWN' = 'RIGHT'): Promise<Positions> {
  const result = await elk.layout({
    id: 'process',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.edgeRouting': 'SPLINES',
    },
    children: model.nodes.map((node) => ({ id: node.id, width: nodeWidth, height: nodeHeight })),
    edges: model.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of result.children ?? []) {
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  }
  return positions;
}
