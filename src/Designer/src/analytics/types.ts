/** The parts of the analytics GraphQL answers the page reads (src/Api/GraphQL/analytics.graphql). */
export interface DurationStats {
  readonly count: number;
  readonly p50Ms: number | null;
  readonly p90Ms: number | null;
  readonly maxMs: number | null;
}

export interface ThroughputBucket {
  readonly start: string;
  readonly completed: number;
}

export interface ExceptionRate {
  readonly code: string;
  readonly raised: number;
  readonly instances: number;
  readonly rate: number;
}

export interface StepMetrics {
  readonly stepKey: string;
  readonly tasksCreated: number;
  readonly tasksCompleted: number;
  readonly workInProgress: number;
  readonly waiting: DurationStats;
  readonly working: DurationStats;
  readonly slaBreaches: number;
  readonly rework: number;
}

export interface PathVariant {
  readonly steps: readonly string[];
  readonly instances: number;
  readonly share: number;
  readonly medianCycleTimeMs: number;
}

export interface ProcessMetrics {
  readonly timeZone: string;
  readonly started: number;
  readonly completed: number;
  readonly workInProgress: number;
  readonly cycleTime: DurationStats;
  readonly throughputPerDay: readonly ThroughputBucket[];
  readonly throughputPerWeek: readonly ThroughputBucket[];
  readonly slaBreachedInstances: number;
  readonly slaBreachRate: number;
  readonly exceptions: readonly ExceptionRate[];
  readonly reworkInstances: number;
  readonly steps: readonly StepMetrics[];
  readonly variants: readonly PathVariant[];
}

export interface RouteDriver {
  readonly source: string;
  readonly rule: string | null;
  readonly ruleSetVersion: number | null;
  readonly count: number;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly designed: boolean;
  readonly exampleInstances: readonly string[];
  readonly drivers: readonly RouteDriver[];
}

export interface DesignedEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly detail: string | null;
}

export interface RuleFiring {
  readonly ruleSetVersion: number;
  readonly rule: string;
  readonly fired: number;
  readonly routed: number;
}

export interface ConformanceReport {
  readonly ruleSetKey: string | null;
  readonly baselineRuleSetVersion: number | null;
  readonly instances: number;
  readonly fittingInstances: number;
  readonly fitness: number;
  readonly edges: readonly FlowEdge[];
  /** The taken transitions outside the design, with up to five example instances each (`edges` lists none). */
  readonly deviations: readonly Pick<FlowEdge, 'from' | 'to' | 'exampleInstances'>[];
  readonly deadPaths: readonly DesignedEdge[];
  readonly ruleFirings: readonly RuleFiring[];
}

export interface AnalyticsError {
  readonly code: string;
  readonly message: string;
}

export interface AnalyticsAnswer {
  /** The latest published process: the graph the overlay is drawn on. */
  readonly process: { readonly body: unknown } | null;
  readonly processMetrics: { readonly metrics: ProcessMetrics | null; readonly error: AnalyticsError | null };
  readonly processConformance: { readonly report: ConformanceReport | null; readonly error: AnalyticsError | null };
}
