import { isRecord, requestGraphQL, type GraphQLOutcome, type GraphQLRequestOptions } from './graphqlRequest';

export type DefinitionKind = 'form' | 'process' | 'ruleSet';

/** The metadata the lists show; bodies stay on the server until a definition is opened. */
export interface DefinitionSummary {
  readonly key: string;
  readonly name: string | null;
  /** 0 is the draft; published versions count from 1. */
  readonly version: number | null;
  readonly status: string;
  readonly updatedAt: string | null;
}

/** Root query field that lists each kind; the shape is documented in docs/designer.md. */
export const listFieldByKind: Readonly<Record<DefinitionKind, string>> = {
  form: 'forms',
  process: 'processes',
  ruleSet: 'ruleSets',
};

export function definitionListQuery(kind: DefinitionKind): string {
  const field = listFieldByKind[kind];
  const operation = `Designer${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  return `query ${operation} { ${field} { key name version status updatedAt } }`;
}

export async function fetchDefinitions(
  kind: DefinitionKind,
  options: Omit<GraphQLRequestOptions, 'operationName' | 'variables' | 'method'> = {},
): Promise<GraphQLOutcome<readonly DefinitionSummary[]>> {
  // A list is a read-only query, so it goes as GET: an Api without GraphQL answers that with its SPA
  // fallback page (reported as "unavailable") instead of a 405 the browser would log as a failed resource.
  const outcome = await requestGraphQL<Record<string, unknown>>(definitionListQuery(kind), { ...options, method: 'GET' });
  if (outcome.kind !== 'data') {
    return outcome;
  }
  return parseDefinitionList(outcome.data, listFieldByKind[kind]);
}

/** Checks the list shape instead of trusting it, so a schema change shows as a message, not a crash. */
export function parseDefinitionList(
  data: Readonly<Record<string, unknown>>,
  field: string,
): GraphQLOutcome<readonly DefinitionSummary[]> {
  const list = data[field];
  if (!Array.isArray(list)) {
    return { kind: 'error', message: `The API answered without a "${field}" list.`, details: [] };
  }
  const items: DefinitionSummary[] = [];
  for (const [index, entry] of list.entries()) {
    if (!isRecord(entry) || typeof entry['key'] !== 'string') {
      return { kind: 'error', message: `Entry ${index} of "${field}" has no key.`, details: [] };
    }
    items.push({
      key: entry['key'],
      name: typeof entry['name'] === 'string' && entry['name'] !== '' ? entry['name'] : null,
      version: typeof entry['version'] === 'number' ? entry['version'] : null,
      status: typeof entry['status'] === 'string' ? entry['status'] : 'unknown',
      updatedAt: typeof entry['updatedAt'] === 'string' ? entry['updatedAt'] : null,
    });
  }
  return { kind: 'data', data: items };
}

/** "v3" for a published version, "draft" for version 0, a dash when unknown. */
export function versionLabel(version: number | null): string {
  if (version === null) {
    return '—';
  }
  return version === 0 ? 'draft' : `v${version}`;
}

/** Lower-case word for a status enum value such as `PUBLISHED`. */
export function statusLabel(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}

export function formatUpdatedAt(value: string | null, locale = 'en'): string {
  if (value === null) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}
