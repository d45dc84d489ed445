import type { GraphOverlay } from '../processes/graphOverlay';
import type { ProcessGraphModel } from '../processes/processGraph';
import { formatDuration } from './format';
import type { ConformanceReport, ProcessMetrics, RouteDriver } from './types';

export interface OverlayStep {
  readonly id: string;
  /** Median waiting time at the step; null for steps without tasks. */
  readonly waitingP50Ms: number | null;
  /** 0 (least waiting of the process) to 1 (most); null for steps without tasks. */
  readonly heat: number | null;
  readonly color: string | null;
  readonly examples: readonly string[];
}

export interface OverlayEdge {
  /** The graph edge's id: a designed edge's (see `buildProcessGraph`) or `taken:from->to` for one the design lacks. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** False for a transition taken that the design does not have (a workaround). */
  readonly designed: boolean;
  /** True for a designed transition no instance took. */
  readonly dead: boolean;
  readonly examples: readonly string[];
  readonly drivers: readonly RouteDriver[];
}

export interface Overlay {
  /** What the process graph draws over the design (selection callbacks are the page's). */
  readonly graph: Omit<GraphOverlay, 'onSelectEdge'>;
  readonly steps: ReadonlyMap<string, OverlayStep>;
  readonly edges: ReadonlyMap<string, OverlayEdge>;
  /** Transitions taken between steps the current design no longer has: listed beside the graph. */
  readonly outside: readonly OverlayEdge[];
  readonly workarounds: number;
}

const minWidth = 1.5;
const maxWidth = 8;

/** Pale yellow to deep red: how long work waits at a step, relative to the process's other steps. */
export function heatColor(heat: number): string {
  const from = [254, 243, 199];
  const to = [185, 28, 28];
  const mix = from.map((c, i) => Math.round(c + (to[i]! - c) * Math.min(1, Math.max(0, heat))));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The design as the log saw it, on the designed graph: step heat by median waiting time, designed edges as wide as
 * they were taken (thin and grey when never), and the transitions the design lacks added as extra edges. Conformance
 * counts per pair of steps, so when the design has several edges between the same two steps (a transition and a rule),
 * the first carries the count and all take its width.
 */
export function buildOverlay(model: ProcessGraphModel, metrics: ProcessMetrics, report: ConformanceReport): Overlay {
  // The report lists example instances with the deviations only; each taken edge gets its pair's.
  const examplesOf = new Map(report.deviations.map((d) => [pair(d.from, d.to), d.exampleInstances]));
  const taken = new Map(report.edges.map((e) => [pair(e.from, e.to), { ...e, exampleInstances: examplesOf.get(pair(e.from, e.to)) ?? e.exampleInstances }]));
  const maxCount = Math.max(1, ...report.edges.map((e) => e.count));
  const width = (count: number) => Math.round((minWidth + ((maxWidth - minWidth) * count) / maxCount) * 10) / 10;

  const waiting = new Map(metrics.steps.map((s) => [s.stepKey, s.waiting.count > 0 ? s.waiting.p50Ms : null]));
  const maxWaiting = Math.max(0, ...[...waiting.values()].map((w) => w ?? 0));
  const steps = new Map<string, OverlayStep>();
  const stepFigures: Record<string, GraphOverlay['steps'][string]> = {};
  for (const node of model.nodes) {
    const w = waiting.get(node.id) ?? null;
    const heat = w === null ? null : maxWaiting === 0 ? 0 : w / maxWaiting;
    const examples = [...new Set(report.deviations.filter((e) => e.from === node.id || e.to === node.id).flatMap((e) => e.exampleInstances))].sort().slice(0, 5);
    steps.set(node.id, { id: node.id, waitingP50Ms: w, heat, color: heat === null ? null : heatColor(heat), examples });
    stepFigures[node.id] = {
      strip: heat === null ? null : heatColor(heat),
      note: w === null ? null : `waits ${formatDuration(w)}`,
      description: w === null ? 'no tasks' : `median waiting ${formatDuration(w)}`,
    };
  }

  const edges = new Map<string, OverlayEdge>();
  const edgeFigures: Record<string, GraphOverlay['edges'][string]> = {};
  const drawn = new Set<string>();
  for (const edge of model.edges) {
    const key = pair(edge.source, edge.target);
    const flow = taken.get(key);
    const first = !drawn.has(key);
    drawn.add(key);
    edges.set(edge.id, {
      id: edge.id,
      from: edge.source,
      to: edge.target,
      count: flow?.count ?? 0,
      designed: flow?.designed ?? true,
      dead: flow === undefined,
      examples: flow?.exampleInstances ?? [],
      drivers: flow?.drivers ?? [],
    });
    edgeFigures[edge.id] = flow
      ? {
          label: first ? [edge.label, flow.count.toLocaleString('en')].filter(Boolean).join(' · ') : edge.label,
          width: width(flow.count),
          muted: false,
          description: `taken ${flow.count.toLocaleString('en')} times${flow.designed ? '' : ', not in the design of the instances\' version'}`,
        }
      : { label: edge.label, width: 1, muted: true, description: 'designed, never taken' };
  }

  const stepIds = new Set(model.nodes.map((n) => n.id));
  const extraEdges: GraphOverlay['extraEdges'][number][] = [];
  const outside: OverlayEdge[] = [];
  for (const flow of taken.values()) {
    if (drawn.has(pair(flow.from, flow.to))) {
      continue;
    }
    const overlayEdge: OverlayEdge = {
      id: `taken:${pair(flow.from, flow.to)}`,
      from: flow.from,
      to: flow.to,
      count: flow.count,
      designed: flow.designed,
      dead: false,
      examples: flow.exampleInstances,
      drivers: flow.drivers,
    };
    if (!stepIds.has(flow.from) || !stepIds.has(flow.to)) {
      outside.push(overlayEdge);
      continue;
    }
    edges.set(overlayEdge.id, overlayEdge);
    const times = flow.count.toLocaleString('en');
    extraEdges.push({
      id: overlayEdge.id,
      source: flow.from,
      target: flow.to,
      label: flow.designed ? times : `not designed · ${times}`,
      width: width(flow.count),
      dashed: !flow.designed,
      description: flow.designed ? `${times} times, designed in an earlier version` : `${times} times, not in the design`,
    });
  }

  const workarounds = report.edges.filter((e) => !e.designed).length;
  return { graph: { steps: stepFigures, edges: edgeFigures, extraEdges }, steps, edges, outside, workarounds };
}

function pair(from: string, to: string): string {
  return `${from}->${to}`;
}
