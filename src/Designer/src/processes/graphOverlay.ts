/**
 * Figures drawn over the designed process graph (the analytics page's "process graph as it ran"). The layout stays the
 * design's, so a step sits where the editor draws it; the overlay only colours, relabels and adds edges.
 */
export interface GraphOverlay {
  /** Per step key. */
  readonly steps: Readonly<Record<string, StepOverlay>>;
  /** Per designed edge id (see `buildProcessGraph`). */
  readonly edges: Readonly<Record<string, EdgeOverlay>>;
  /** Transitions the design does not draw, between steps it has; laid over the graph, not part of its layout. */
  readonly extraEdges: readonly ExtraEdge[];
  /** Called with the id of a designed or extra edge when it is clicked or activated with Enter or Space. */
  readonly onSelectEdge?: (edgeId: string) => void;
}

export interface StepOverlay {
  /** Colour of the strip across the node's top (e.g. heat by waiting time); none when null. */
  readonly strip: string | null;
  /** A short line on the node, e.g. "waits 2 h". */
  readonly note: string | null;
  /** Appended to the node's accessible name. */
  readonly description: string;
}

export interface EdgeOverlay {
  /** Replaces the edge's label. */
  readonly label: string | null;
  readonly width: number;
  /** Drawn thin and grey, e.g. a designed transition nothing took. */
  readonly muted: boolean;
  /** Appended to the edge's accessible name. */
  readonly description: string;
}

export interface ExtraEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  readonly width: number;
  /** Dashed in the workaround colour (not designed); solid otherwise (e.g. designed in an older version only). */
  readonly dashed: boolean;
  readonly description: string;
}
