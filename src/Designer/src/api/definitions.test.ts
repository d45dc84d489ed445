import { describe, expect, it } from 'vitest';
import { definitionListQuery, fetchDefinitions, formatUpdatedAt, parseDefinitionList, statusLabel, versionLabel } from './definitions';
import { fakeFetch, jsonResponse } from './fakeFetch';

describe('definitionListQuery', () => {
  it.each([
    ['form', 'query DesignerForms { forms { key name version status updatedAt } }'],
    ['process', 'query DesignerProcesses { processes { key name version status updatedAt } }'],
    ['ruleSet', 'query DesignerRuleSets { ruleSets { key name version status updatedAt } }'],
  ] as const)('asks for the %s list by its root field', (kind, query) => {
    expect(definitionListQuery(kind)).toBe(query);
  });
});

describe('fetchDefinitions', () => {
  it('reads the list with a GET, since it is a read-only query', async () => {
    const fake = fakeFetch(() => jsonResponse({ data: { ruleSets: [] } }));
    await fetchDefinitions('ruleSet', { fetchImpl: fake.fetch });
    expect(fake.calls[0]?.init?.method).toBe('GET');
    expect(new URL(fake.calls[0]?.url ?? '', 'http://localhost').searchParams.get('query')).toBe(definitionListQuery('ruleSet'));
  });

  it('returns the parsed list of the requested kind', async () => {
    const fake = fakeFetch(() =>
      jsonResponse({
        data: {
          processes: [
            { key: 'expense-approval', name: 'Expense approval', version: 2, status: 'PUBLISHED', updatedAt: '2026-11-20T10:00:00Z' },
          ],
        },
      }),
    );
    expect(await fetchDefinitions('process', { fetchImpl: fake.fetch })).toEqual({
      kind: 'data',
      data: [{ key: 'expense-approval', name: 'Expense approval', version: 2, status: 'PUBLISHED', updatedAt: '2026-11-20T10:00:00Z' }],
    });
  });

  it('passes an unavailable endpoint through unchanged', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 404 }));
    expect((await fetchDefinitions('form', { fetchImpl: fake.fetch })).kind).toBe('unavailable');
  });
});

describe('parseDefinitionList', () => {
  it('reports a missing list by field name', () => {
    expect(parseDefinitionList({}, 'forms')).toEqual({ kind: 'error', message: 'The API answered without a "forms" list.', details: [] });
  });

  it('reports an entry without a key by index', () => {
    expect(parseDefinitionList({ forms: [{ key: 'a' }, { version: 1 }] }, 'forms')).toEqual({
      kind: 'error',
      message: 'Entry 1 of "forms" has no key.',
      details: [],
    });
  });

  it('fills absent optional metadata with explicit blanks', () => {
    expect(parseDefinitionList({ forms: [{ key: 'draft-only' }] }, 'forms')).toEqual({
      kind: 'data',
      data: [{ key: 'draft-only', name: null, version: null, status: 'unknown', updatedAt: null }],
    });
  });
});

describe('versionLabel', () => {
  it('calls version 0 the draft and numbers published versions', () => {
    expect(versionLabel(0)).toBe('draft');
    expect(versionLabel(3)).toBe('v3');
    expect(versionLabel(null)).toBe('—');
  });
});

describe('statusLabel', () => {
  it('turns enum values into lower-case words', () => {
    expect(statusLabel('PUBLISHED')).toBe('published');
    expect(statusLabel('PENDING_REVIEW')).toBe('pending review');
  });
});

describe('formatUpdatedAt', () => {
  it('formats an ISO timestamp in UTC', () => {
    expect(formatUpdatedAt('2026-11-20T10:05:00Z')).toBe('Nov 20, 2026, 10:05 AM UTC');
  });

  it('shows a dash for a missing timestamp and the raw text for an unparseable one', () => {
    expect(formatUpdatedAt(null)).toBe('—');
    expect(formatUpdatedAt('yesterday')).toBe('yesterday');
  });
});
