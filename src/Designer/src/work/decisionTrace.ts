import type { RouteDecision } from './workApi';

/** One entry of the rules engine's trace (src/Rules/Diagnostics/TraceEntry.cs, serialised with web defaults). */
export interface TraceEntry {
  readonly kind: string;
  readonly rule: string;
  readonly salience: number | null;
  readonly detail: string | null;
}

/** The entries of a decision's trace, whether the API gave it as an object or as JSON text; none when unreadable. */
export function traceEntries(trace: unknown): TraceEntry[] {
  let document: unknown = trace;
  if (typeof trace === 'string') {
    try {
      document = JSON.parse(trace);
    } catch {
      return [];
    }
  }
  const entries = Array.isArray(document) ? document : document !== null && typeof document === 'object' ? ((document as Record<string, unknown>)['entries'] ?? (document as Record<string, unknown>)['Entries']) : null;
  if (!Array.isArray(entries)) {
    return [];
  }
  return entries
    .filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object')
    .map((entry) => ({
      kind: String(entry['kind'] ?? entry['Kind'] ?? ''),
      rule: String(entry['rule'] ?? entry['Rule'] ?? ''),
      salience: typeof (entry['salience'] ?? entry['Salience']) === 'number' ? Number(entry['salience'] ?? entry['Salience']) : null,
      detail: typeof (entry['detail'] ?? entry['Detail']) === 'string' ? String(entry['detail'] ?? entry['Detail']) : null,
    }))
    .filter((entry) => entry.rule !== '');
}

/** A rule's part in a decision: it decided the route, it fired without deciding it, or it lost (and why). */
export interface RuleVerdict {
  readonly rule: string;
  readonly verdict: 'decided' | 'fired' | 'lost';
  readonly why: string;
}

/** "Why this route": the winning rule first, then rules that fired beside it, then rules that lost. */
export function ruleVerdicts(decision: Pick<RouteDecision, 'firedRules' | 'routedBy' | 'trace'>): RuleVerdict[] {
  const verdicts: RuleVerdict[] = [];
  const seen = new Set<string>();
  const trace = traceEntries(decision.trace);
  const salience = (rule: string) => trace.find((entry) => entry.rule === rule)?.salience;
  if (decision.routedBy) {
    const value = salience(decision.routedBy);
    verdicts.push({ rule: decision.routedBy, verdict: 'decided', why: `Its goTo chose the route${value !== null && value !== undefined ? ` (salience ${value})` : ''}.` });
    seen.add(decision.routedBy);
  }
  for (const rule of decision.firedRules) {
    if (!seen.has(rule)) {
      seen.add(rule);
      verdicts.push({ rule, verdict: 'fired', why: decision.routedBy ? 'Fired, but did not decide the route.' : 'Fired.' });
    }
  }
  for (const entry of trace) {
    if (seen.has(entry.rule) || !['LostToExclusiveGroup', 'Cancelled', 'Filtered', 'Refracted'].includes(entry.kind)) {
      continue;
    }
    seen.add(entry.rule);
    const reason: Readonly<Record<string, string>> = {
      LostToExclusiveGroup: 'Matched, but lost to the winning rule',
      Cancelled: 'Matched, then its facts changed before it could fire',
      Filtered: 'Matched, but only routing rules run at this point',
      Refracted: 'Matched again without a real change, so it did not fire again',
    };
    verdicts.push({ rule: entry.rule, verdict: 'lost', why: `${reason[entry.kind]}${entry.detail ? `: ${entry.detail}` : ''}.` });
  }
  return verdicts;
}
