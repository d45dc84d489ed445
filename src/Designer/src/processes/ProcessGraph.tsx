import '@xyflow/react/dist/style.css';
import './processes.css';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { stepKindLabels, type ProcessJson, type RuleSetJson } from './definitionTypes';
import type { GraphOverlay, StepOverlay } from './graphOverlay';
import { layoutGraph, type Positions } from './layoutGraph';
import { buildProcessGraph, type GraphEdge, type GraphNode } from './processGraph';

export interface ProcessGraphProps {
  readonly process: ProcessJson;
  readonly ruleSet?: RuleSetJson | null;
  /** Shown on a node's corner, e.g. a count of instances waiting there. */
  readonly badges?: Readonly<Record<string, ReactNode>>;
  /** Per edge id (see `buildProcessGraph`), e.g. thicker for the path most instances take. */
  readonly edgeStyles?: Readonly<Record<string, CSSProperties>>;
  /** Validation problems per step key: the node is outlined and lists them. */
  readonly problems?: Readonly<Record<string, readonly string[]>>;
  readonly selectedStep?: string | null;
  readonly onSelectStep?: (stepKey: string | null) => void;
  readonly onSelectEdge?: (edge: GraphEdge) => void;
  /** Figures drawn over the design (heat, frequencies, edges the design lacks); the layout stays the design's. */
  readonly overlay?: GraphOverlay;
  /** Accessible name of the graph region. */
  readonly label?: string;
  readonly height?: number;
  /** Top to bottom suits a page column narrower than the process is long (the analytics overlay); left to right by default. */
  readonly direction?: 'RIGHT' | 'DOWN';
}

interface StepNodeData extends Record<string, unknown> {
  readonly node: GraphNode;
  readonly badge?: ReactNode;
  readonly problems: readonly string[];
  readonly overlay?: StepOverlay;
  readonly vertical: boolean;
}

function StepNode({ data, selected }: NodeProps<Node<StepNodeData>>) {
  const { node, badge, problems, overlay, vertical } = data;
  const kindLabel = node.kind === 'unknown' ? node.step.type : stepKindLabels[node.kind];
  return (
    <div
      className={`flow-node flow-node--${node.kind}${problems.length > 0 ? ' flow-node--problem' : ''}${selected ? ' flow-node--selected' : ''}`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} />
      {overlay?.strip ? <span className="flow-node__strip" style={{ background: overlay.strip }} aria-hidden="true" /> : null}
      <span className="flow-node__kind">
        {node.isStart ? 'Start · ' : ''}
        {kindLabel}
      </span>
      <span className="flow-node__label">{node.label}</span>
      {/* A figure replaces the detail line so the node keeps the height the layout gave it. */}
      {node.detail && !overlay?.note ? <span className="flow-node__detail">{node.detail}</span> : null}
      {overlay?.note ? <span className="flow-node__note">{overlay.note}</span> : null}
      {problems.length > 0 ? <span className="flow-node__problem">{problems.length === 1 ? problems[0] : `${problems.length} problems`}</span> : null}
      {badge !== undefined && badge !== null ? <span className="flow-node__badge">{badge}</span> : null}
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} />
    </div>
  );
}

const nodeTypes = { step: StepNode };

/** Matches `.flow-edge--workaround` in processes.css: the arrow head takes the dashed line's colour. */
const workaroundColour = '#b45309';

function edgeClass(edge: GraphEdge): string {
  return `flow-edge flow-edge--${edge.kind}${edge.rule?.disabled ? ' flow-edge--disabled' : ''}`;
}

function edgeLabel(edge: GraphEdge): string | undefined {
  if (edge.kind === 'rule' && edge.rule) {
    return `${edge.rule.name} (${edge.rule.salience})${edge.rule.disabled ? ' off' : ''}`;
  }
  return edge.label ?? undefined;
}

/**
 * A process drawn as a graph: a node per step (its kind, name and the form, assignee or wait), edges for `next`,
 * transitions, branches and the rule set's `goTo` routes labelled with the rule's name. Laid out by ELK. Nodes are
 * focusable and named for screen readers; the caller decides what selecting one does.
 */
export function ProcessGraph(props: ProcessGraphProps) {
  const { process, ruleSet, badges, edgeStyles, problems, selectedStep, onSelectStep, onSelectEdge, overlay, direction = 'RIGHT' } = props;
  const edgesSelectable = onSelectEdge !== undefined || overlay?.onSelectEdge !== undefined;
  const model = useMemo(() => buildProcessGraph(process, ruleSet), [process, ruleSet]);
  const [positions, setPositions] = useState<Positions | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const shape = JSON.stringify([model.nodes.map((n) => n.id), model.edges.map((e) => e.id)]);

  useEffect(() => {
    let current = true;
    layoutGraph(model, direction).then(
      (next) => current && setPositions(next),
      (error: unknown) => current && setLayoutError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
    // Layout again only when steps or edges change, not on every property edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, direction]);

  const nodes: Node<StepNodeData>[] = useMemo(
    () =>
      model.nodes.map((node, index) => {
        const nodeProblems = problems?.[node.id] ?? [];
        const kindLabel = node.kind === 'unknown' ? node.step.type : stepKindLabels[node.kind];
        return {
          id: node.id,
          type: 'step',
          position: positions?.[node.id] ?? { x: index * 240, y: 0 },
          data: { node, badge: badges?.[node.id], problems: nodeProblems, vertical: direction === 'DOWN', ...(overlay?.steps[node.id] ? { overlay: overlay.steps[node.id] } : {}) },
          selected: selectedStep === node.id,
          ariaLabel: `${kindLabel} step ${node.label}${node.isStart ? ', start' : ''}${nodeProblems.length > 0 ? `, ${nodeProblems.length} problem(s): ${nodeProblems.join('; ')}` : ''}${overlay?.steps[node.id] ? `, ${overlay.steps[node.id]!.description}` : ''}`,
          connectable: false,
          draggable: false,
        };
      }),
    [model, positions, problems, badges, selectedStep, overlay, direction],
  );

  const edges: Edge[] = useMemo(() => {
    const designed = model.edges.map((edge): Edge => {
      const figures = overlay?.edges[edge.id];
      const label = figures ? figures.label : edgeLabel(edge);
      const style = { ...edgeStyles?.[edge.id], ...(figures ? { strokeWidth: figures.width } : {}) };
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...(label ? { label } : {}),
        className: `${edgeClass(edge)}${figures?.muted ? ' flow-edge--muted' : ''}`,
        ariaLabel: `${edge.kind === 'rule' ? 'Rule' : edge.kind === 'transition' ? 'Transition' : edge.kind === 'branch' ? 'Branch' : 'Next'} from ${edge.source} to ${edge.target}${edge.label ? `: ${edge.label}` : ''}${figures ? `, ${figures.description}` : ''}`,
        markerEnd: { type: MarkerType.ArrowClosed },
        ...(Object.keys(style).length > 0 ? { style } : {}),
        labelBgPadding: [4, 2] as [number, number],
        labelBgBorderRadius: 4,
        focusable: edgesSelectable,
      };
    });
    const extra = (overlay?.extraEdges ?? []).map(
      (edge): Edge => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.label,
        className: `flow-edge flow-edge--extra${edge.dashed ? ' flow-edge--workaround' : ''}`,
        ariaLabel: `Taken from ${edge.source} to ${edge.target}, ${edge.description}`,
        markerEnd: edge.dashed ? { type: MarkerType.ArrowClosed, color: workaroundColour } : { type: MarkerType.ArrowClosed },
        style: { strokeWidth: edge.width },
        labelBgPadding: [4, 2] as [number, number],
        labelBgBorderRadius: 4,
        focusable: edgesSelectable,
      }),
    );
    return [...designed, ...extra];
  }, [model, edgeStyles, overlay, edgesSelectable]);

  const selectEdge = (id: string) => {
    const found = model.edges.find((candidate) => candidate.id === id);
    if (found) {
      onSelectEdge?.(found);
    }
    overlay?.onSelectEdge?.(id);
  };

  // Enter or Space on a focused node or edge selects it through the store; controlled nodes only hear of it here.
  const onNodesChange = (changes: NodeChange[]) => {
    const chosen = changes.find((change) => change.type === 'select' && change.selected);
    if (chosen && chosen.type === 'select' && chosen.id !== selectedStep) {
      onSelectStep?.(chosen.id);
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    const chosen = changes.find((change) => change.type === 'select' && change.selected);
    if (chosen && chosen.type === 'select') {
      selectEdge(chosen.id);
    }
  };

  if (layoutError) {
    return (
      <p className="state state--error" role="alert">
        The graph could not be laid out: {layoutError}
      </p>
    );
  }

  return (
    <div className="flow-graph" role="group" aria-label={props.label ?? `Graph of ${process.name || process.key}`} style={{ height: props.height ?? 420 }}>
      {positions === null ? (
        <p className="muted" role="status">
          Laying out the graph…
        </p>
      ) : (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.12 }}
          nodesConnectable={false}
          nodesDraggable={false}
          nodesFocusable
          edgesFocusable={edgesSelectable}
          elementsSelectable
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeClick={(_, node) => onSelectStep?.(node.id)}
          onEdgeClick={(_, edge) => selectEdge(edge.id)}
          onPaneClick={() => onSelectStep?.(null)}
          proOptions={{ hideAttribution: true }}
          minZoom={0.2}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
      {model.dangling.length > 0 ? (
        <ul className="flow-graph__dangling" aria-label="Routes to missing steps">
          {model.dangling.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
