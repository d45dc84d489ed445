import type { EChartsCoreOption } from 'echarts/core';
import { formatDuration } from './format';
import { palette } from './chartOptions';
import type { ConformanceReport, ProcessMetrics, RouteDriver } from './types';

export interface OverlayNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** Median waiting time at the step; null for steps without tasks. */
  readonly waitingP50Ms: number | null;
  /** 0 (least waiting of the process) to 1 (most); null for steps without tasks. */
  readonly heat: number | null;
  readonly color: string;
  readonly examples: readonly string[];
}

export interface OverlayEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** False for a transition taken that the design does not have (a workaround). */
  readonly designed: boolean;
  /** True for a designed transition no instance took. */
  readonly dead: boolean;
  readonly width: number;
  readonly label: string;
  readonly examples: readonly string[];
  readonly drivers: readonly RouteDriver[];
}

export interface Overlay {
  readonly nodes: readonly OverlayNode[];
  readonly edges: readonly OverlayEdge[];
}

const columnGap = 190;
const rowGap = 110;

/** Pale yellow to deep red: how long work waits at a step, relative to the process's other steps. */
export function heatColor(heat: number | null): string {
  if (heat === null) {
    return '#e5e7eb';
  }
  const from = [254, 243, 199];
  const to = [185, 28, 28];
  const mix = from.map((c, i) => Math.round(c + (to[i]! - c) * Math.min(1, Math.max(0, heat))));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The process graph as the log saw it: every step the design or the log names, laid out in columns by the shortest
 * number of transitions from a start step (a step nothing leads to), so loops draw back to the left. Step colour is
 * the median waiting time, edge width the number of times it was taken; designed transitions nobody took stay thin.
 */
export function buildOverlay(metrics: ProcessMetrics, report: ConformanceReport): Overlay {
  const taken = report.edges;
  const dead = report.deadPaths.filter((d) => !taken.some((e) => e.from === d.from && e.to === d.to));
  const ids = new Set<string>();
  for (const edge of [...taken, ...dead]) {
    ids.add(edge.from);
    ids.add(edge.to);
  }
  for (const step of metrics.steps) {
    ids.add(step.stepKey);
  }

  const links = [...taken.map((e) => [e.from, e.to] as const), ...dead.map((d) => [d.from, d.to] as const)];
  const column = columns([...ids], links);
  const rows = new Map<number, string[]>();
  for (const id of [...ids].sort((a, b) => column.get(a)! - column.get(b)! || a.localeCompare(b))) {
    const c = column.get(id)!;
    rows.set(c, [...(rows.get(c) ?? []), id]);
  }

  const waiting = new Map(metrics.steps.map((s) => [s.stepKey, s.waiting.count > 0 ? s.waiting.p50Ms : null]));
  const maxWaiting = Math.max(0, ...[...waiting.values()].map((w) => w ?? 0));
  const examplesAt = (id: string) => [...new Set(taken.filter((e) => e.from === id || e.to === id).flatMap((e) => e.exampleInstances))].sort().slice(0, 5);
  const nodes = [...ids].sort().map((id) => {
    const c = column.get(id)!;
    const row = rows.get(c)!;
    const w = waiting.get(id) ?? null;
    const heat = w === null ? null : maxWaiting === 0 ? 0 : w / maxWaiting;
    return { id, x: c * columnGap, y: row.indexOf(id) * rowGap - ((row.length - 1) * rowGap) / 2, waitingP50Ms: w, heat, color: heatColor(heat), examples: examplesAt(id) };
  });

  const maxCount = Math.max(1, ...taken.map((e) => e.count));
  const edges: OverlayEdge[] = [
    ...taken.map((e) => ({
      from: e.from,
      to: e.to,
      count: e.count,
      designed: e.designed,
      dead: false,
      width: 1.5 + (6.5 * e.count) / maxCount,
      label: e.designed ? String(e.count) : `not designed · ${e.count}`,
      examples: e.exampleInstances,
      drivers: e.drivers,
    })),
    ...dead.map((d) => ({ from: d.from, to: d.to, count: 0, designed: true, dead: true, width: 1, label: 'never taken', examples: [], drivers: [] })),
  ];
  return { nodes, edges };
}

/** Shortest distance in transitions from the steps nothing leads to (or from the first step when all are in loops). */
function columns(ids: readonly string[], links: readonly (readonly [string, string])[]): Map<string, number> {
  const targets = new Set(links.filter(([from, to]) => from !== to).map(([, to]) => to));
  const starts = ids.filter((id) => !targets.has(id));
  const result = new Map<string, number>();
  const queue: (readonly [string, number])[] = (starts.length > 0 ? starts : ids.slice(0, 1)).map((id) => [id, 0] as const);
  for (const [id, c] of queue) {
    result.set(id, c);
  }
  for (let i = 0; i < queue.length; i++) {
    const [id, c] = queue[i]!;
    for (const [from, to] of links) {
      if (from === id && !result.has(to)) {
        result.set(to, c + 1);
        queue.push([to, c + 1]);
      }
    }
  }
  const last = Math.max(0, ...result.values());
  for (const id of ids) {
    if (!result.has(id)) {
      result.set(id, last + 1);
    }
  }
  return result;
}

/** The overlay as an ECharts graph series: nodes and edges carry their overlay record for the click handler. */
export function overlayOption(overlay: Overlay): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p: { dataType: string; data: { tip: string } }) => p.data.tip,
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        symbol: 'roundRect',
        symbolSize: [140, 48],
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        label: { show: true, color: '#111827', fontSize: 12, formatter: (p: { data: { label: string } }) => p.data.label },
        edgeLabel: { show: true, fontSize: 11, formatter: (p: { data: { text: string } }) => p.data.text },
        data: overlay.nodes.map((n) => ({
          name: n.id,
          x: n.x,
          y: n.y,
          label: n.waitingP50Ms === null ? n.id : `${n.id}\nwaits ${formatDuration(n.waitingP50Ms)}`,
          tip: n.waitingP50Ms === null ? `${n.id}: no tasks` : `${n.id}: median wait ${formatDuration(n.waitingP50Ms)}`,
          itemStyle: { color: n.color, borderColor: '#374151', borderWidth: 1 },
          overlay: n,
        })),
        links: overlay.edges.map((e) => ({
          source: e.from,
          target: e.to,
          text: e.label,
          tip: `${e.from} → ${e.to}: ${e.label}`,
          label: { show: !e.dead || overlay.edges.length < 12, color: e.designed ? '#374151' : palette.secondary },
          lineStyle: {
            width: e.width,
            type: e.designed ? 'solid' : 'dashed',
            color: e.dead ? '#9ca3af' : e.designed ? '#4b5563' : palette.secondary,
            curveness: e.from === e.to ? 0.6 : overlay.edges.some((o) => o.from === e.to && o.to === e.from) ? 0.25 : 0.08,
            opacity: 0.9,
          },
          overlay: e,
        })),
      },
    ],
  };
}
