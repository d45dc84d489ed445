const duration = 'count p50Ms p90Ms maxMs';

/** Metrics and conformance of one process over one window, in one request. */
export const analyticsQuery = `query Analytics($process: String!, $key: ID!, $from: DateTime!, $to: DateTime!) {
  process(key: $key) { body }
  processMetrics(process: $process, from: $from, to: $to, topVariants: 8) {
    metrics {
      timeZone started completed workInProgress
      cycleTime { ${duration} }
      throughputPerDay { start completed }
      throughputPerWeek { start completed }
      slaBreachedInstances slaBreachRate
      exceptions { code raised instances rate }
      reworkInstances
      steps { stepKey tasksCreated tasksCompleted workInProgress waiting { ${duration} } working { ${duration} } slaBreaches rework }
      variants { steps instances share medianCycleTimeMs }
    }
    error { code message }
  }
  processConformance(process: $process, from: $from, to: $to) {
    report {
      ruleSetKey baselineRuleSetVersion
      instances fittingInstances fitness
      edges { from to count designed exampleInstances drivers { source rule ruleSetVersion count } }
      deviations { from to exampleInstances }
      deadPaths { from to kind detail }
      ruleFirings { ruleSetVersion rule fired routed }
    }
    error { code message }
  }
}`;

/** The rule set whose goTo routes the overlay draws: the conformance report's baseline version. */
export const overlayRuleSetQuery = `query OverlayRuleSet($key: ID!, $version: Int) {
  ruleSet(key: $key, version: $version) { body }
}`;

/** The window the page asks about: the last `days` days up to `now`, whole UTC days. */
export function windowOf(now: Date, days: number): { readonly from: string; readonly to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 86_400_000);
  return { from: from.toISOString(), to: to.toISOString() };
}
