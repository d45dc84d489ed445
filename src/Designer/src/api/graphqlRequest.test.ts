import { describe, expect, it } from 'vitest';
import { fakeFetch, jsonResponse } from './fakeFetch';
import { getUrl, interpretPayload, isJsonMediaType, requestGraphQL } from './graphqlRequest';

describe('requestGraphQL', () => {
  it('POSTs the query as JSON to /graphql, asking for plain JSON', async () => {
    const fake = fakeFetch(() => jsonResponse({ data: { ok: true } }));

    await requestGraphQL('{ ok }', { fetchImpl: fake.fetch, variables: { a: 1 }, operationName: 'Q' });

    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0];
    expect(call?.url).toBe('/graphql');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'application/json' });
    expect(JSON.parse(String(call?.init?.body))).toEqual({ query: '{ ok }', variables: { a: 1 }, operationName: 'Q' });
  });

  it('sends a GET with the query, operation name and JSON variables in the URL and no body', async () => {
    const fake = fakeFetch(() => jsonResponse({ data: { ok: true } }));

    await requestGraphQL('{ ok }', { fetchImpl: fake.fetch, method: 'GET', variables: { a: 1 }, operationName: 'Q' });

    const call = fake.calls[0];
    expect(call?.url).toBe('/graphql?query=%7B+ok+%7D&operationName=Q&variables=%7B%22a%22%3A1%7D');
    expect(call?.init?.method).toBe('GET');
    expect(call?.init?.body).toBeUndefined();
    expect(call?.init?.headers).toEqual({ Accept: 'application/json' });
  });

  it('returns the data of a successful response', async () => {
    const fake = fakeFetch(() => jsonResponse({ data: { forms: [] } }));
    expect(await requestGraphQL('{ forms { key } }', { fetchImpl: fake.fetch })).toEqual({
      kind: 'data',
      data: { forms: [] },
    });
  });

  it('accepts the application/graphql-response+json media type', async () => {
    const fake = fakeFetch(() => jsonResponse({ data: { a: 1 } }, 200, 'application/graphql-response+json'));
    expect((await requestGraphQL('{ a }', { fetchImpl: fake.fetch })).kind).toBe('data');
  });

  it('reports a network failure as unavailable instead of throwing', async () => {
    const fake = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const outcome = await requestGraphQL('{ a }', { fetchImpl: fake.fetch });
    expect(outcome).toEqual({ kind: 'unavailable', message: 'Could not reach the API at /graphql: Failed to fetch.' });
  });

  it('reports a 404 as unavailable: the endpoint is not mounted', async () => {
    const fake = fakeFetch(() => new Response('', { status: 404 }));
    const outcome = await requestGraphQL('{ a }', { fetchImpl: fake.fetch });
    expect(outcome.kind).toBe('unavailable');
    expect(outcome.kind === 'unavailable' ? outcome.message : '').toContain('HTTP 404');
  });

  it('reports an HTML answer (an SPA fallback page) as unavailable, naming the media type', async () => {
    const fake = fakeFetch(
      () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    );
    const outcome = await requestGraphQL('{ a }', { fetchImpl: fake.fetch });
    expect(outcome).toEqual({
      kind: 'unavailable',
      message: '/graphql answered with text/html instead of GraphQL JSON (HTTP 200).',
    });
  });

  it('reports malformed JSON as an error', async () => {
    const fake = fakeFetch(() => new Response('{"data":', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const outcome = await requestGraphQL('{ a }', { fetchImpl: fake.fetch });
    expect(outcome).toEqual({ kind: 'error', message: '/graphql answered with malformed JSON (HTTP 200).', details: [] });
  });

  it('reports GraphQL errors with every message', async () => {
    const fake = fakeFetch(() =>
      jsonResponse({ errors: [{ message: 'Cannot query field "forms" on type "Query".' }, { message: 'Second problem.' }] }),
    );
    const outcome = await requestGraphQL('{ forms { key } }', { fetchImpl: fake.fetch });
    expect(outcome).toEqual({
      kind: 'error',
      message: 'Cannot query field "forms" on type "Query". (and 1 more)',
      details: ['Cannot query field "forms" on type "Query".', 'Second problem.'],
      codes: [],
    });
  });

  it('reports a 500 with a JSON body and no errors as an HTTP failure', async () => {
    const fake = fakeFetch(() => jsonResponse({}, 500));
    expect(await requestGraphQL('{ a }', { fetchImpl: fake.fetch })).toEqual({
      kind: 'error',
      message: 'The GraphQL request failed with HTTP 500.',
      details: [],
    });
  });

  it('returns aborted, not an error, when the caller cancels', async () => {
    const controller = new AbortController();
    const fake = fakeFetch(() => {
      controller.abort();
      return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    });
    expect(await requestGraphQL('{ a }', { fetchImpl: fake.fetch, signal: controller.signal })).toEqual({ kind: 'aborted' });
  });
});

describe('interpretPayload', () => {
  it('rejects a payload that is not an object', () => {
    expect(interpretPayload([1, 2], 200).kind).toBe('error');
    expect(interpretPayload(null, 200).kind).toBe('error');
  });

  it('reports a response without data', () => {
    expect(interpretPayload({}, 200)).toEqual({ kind: 'error', message: 'The GraphQL response has no data.', details: [] });
  });

  it('prefers errors over partial data, keeping each error\'s extensions.code', () => {
    expect(interpretPayload({ data: { a: null }, errors: [{ message: 'boom', extensions: { code: 'FORBIDDEN' } }] }, 200)).toEqual({
      kind: 'error',
      message: 'boom',
      details: ['boom'],
      codes: ['FORBIDDEN'],
    });
  });

  it('names errors that carry no message', () => {
    expect(interpretPayload({ errors: [{}] }, 200)).toEqual({ kind: 'error', message: 'Unknown error', details: ['Unknown error'], codes: [] });
  });
});

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/graphql-response+json', true],
    ['text/html', false],
    ['', false],
  ])('%j → %s', (contentType, expected) => {
    expect(isJsonMediaType(contentType)).toBe(expected);
  });
});

describe('getUrl', () => {
  it('encodes the query so it survives as one URL parameter', () => {
    const url = new URL(getUrl('/graphql', 'query A($k: String) { form(key: $k) { key } }'), 'http://localhost');
    expect(url.pathname).toBe('/graphql');
    expect(url.searchParams.get('query')).toBe('query A($k: String) { form(key: $k) { key } }');
    expect(url.searchParams.has('variables')).toBe(false);
  });
});
