/** The GraphQL documents of the rule editor (docs/api.md: rule sets, simulate, dry run, live publish, diff). */

const definitionFields = 'key version status name etag body updatedAt updatedBy';

export const ruleSetPageQuery = `query RuleSetEditor($key: ID!) {
  draft: ruleSet(key: $key, version: 0) { ${definitionFields} }
  latest: ruleSet(key: $key) { ${definitionFields} publication { dryRunId processKey publishedBy publishedAt changed replayed } }
  processes { key name status body }
  forms { key name body }
  definitionHistory(kind: RULE_SET, key: $key) { version status updatedAt updatedBy publishedAt }
}`;

export const saveDraftMutation = `mutation SaveRuleSetDraft($key: ID!, $definition: JSON!, $etag: String) {
  saveDraft(kind: RULE_SET, key: $key, definition: $definition, etag: $etag) {
    definition { version etag updatedAt }
    error { kind message }
    problems { path code message }
    warnings { path code message }
    conflict { currentEtag }
  }
}`;

export const simulateQuery = `query SimulateRuleSet($key: ID!, $ruleSet: JSON, $step: String!, $outcome: String, $event: String, $data: JSON!) {
  simulateRuleSet(ruleSetKey: $key, ruleSet: $ruleSet, step: $step, outcome: $outcome, event: $event, data: $data) {
    target routedBy matchedRules firedRules lostRules
    trace { kind rule salience detail }
    data
    problems { path code message }
  }
}`;

export const dryRunQuery = `query DryRunRuleSet($processKey: ID!, $key: ID!, $version: Int) {
  dryRunRuleSet(processKey: $processKey, ruleSetKey: $key, version: $version, maxExamples: 20) {
    dryRunId ruleSetVersion replayed changed failed skipped
    examples { sequence instanceId step outcome decidedAt oldTarget oldRules oldRuleSetVersion newTarget newRules error }
    problems { path code message }
  }
}`;

export const publishLiveMutation = `mutation PublishRuleSet($key: ID!, $dryRunId: ID!) {
  publishRuleSet(key: $key, dryRunId: $dryRunId) {
    definition { version status }
    error { kind message }
    problems { path code message }
  }
}`;

export const rollbackMutation = `mutation RollbackRuleSet($key: ID!, $toVersion: Int!, $dryRunId: ID!) {
  rollbackRuleSet(key: $key, toVersion: $toVersion, dryRunId: $dryRunId) {
    definition { version status }
    error { kind message }
    problems { path code message }
  }
}`;

export const diffQuery = `query DiffDefinitions($kind: DefinitionKind!, $key: ID!, $from: Int!, $to: Int) {
  diffDefinitions(kind: $kind, key: $key, from: $from, to: $to) {
    from to
    changes { path change before after }
    problems { path code message }
  }
}`;

export interface Problem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface StoredDefinition {
  readonly key: string;
  readonly version: number;
  readonly status: string;
  readonly name: string;
  readonly etag: string;
  readonly body: unknown;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface HistoryEntry {
  readonly version: number;
  readonly status: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly publishedAt: string | null;
}

export interface PayloadResult {
  readonly definition: { readonly version: number; readonly etag?: string; readonly status?: string } | null;
  readonly error: { readonly kind: string; readonly message: string } | null;
  readonly problems: readonly Problem[];
  readonly warnings?: readonly Problem[];
  readonly conflict?: { readonly currentEtag: string | null } | null;
}

export interface Simulation {
  readonly target: string | null;
  readonly routedBy: string | null;
  readonly matchedRules: readonly string[];
  readonly firedRules: readonly string[];
  readonly lostRules: readonly string[];
  readonly trace: readonly { readonly kind: string; readonly rule: string; readonly salience: number; readonly detail: string | null }[];
  readonly data: unknown;
  readonly problems: readonly Problem[];
}

export interface DryRunExample {
  readonly sequence: string;
  readonly instanceId: string;
  readonly step: string;
  readonly outcome: string | null;
  readonly decidedAt: string;
  readonly oldTarget: string | null;
  readonly oldRules: readonly string[];
  readonly oldRuleSetVersion: number | null;
  readonly newTarget: string | null;
  readonly newRules: readonly string[];
  readonly error: string | null;
}

export interface DryRun {
  readonly dryRunId: string | null;
  readonly ruleSetVersion: number;
  readonly replayed: number;
  readonly changed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly examples: readonly DryRunExample[];
  readonly problems: readonly Problem[];
}

export interface DiffChange {
  readonly path: string;
  readonly change: 'ADDED' | 'REMOVED' | 'CHANGED';
  readonly before: unknown;
  readonly after: unknown;
}

export interface Diff {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly DiffChange[];
  readonly problems: readonly Problem[];
}
