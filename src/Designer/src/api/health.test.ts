import { describe, expect, it } from 'vitest';
import { fakeFetch, jsonResponse } from './fakeFetch';
import { checkHealth, healthLabel } from './health';

describe('checkHealth', () => {
  it('is healthy on a 2xx answer from /health', async () => {
    const fake = fakeFetch(() => jsonResponse({ status: 'ok' }));
    expect(await checkHealth({ fetchImpl: fake.fetch })).toBe('healthy');
    expect(fake.calls[0]?.url).toBe('/health');
  });

  it('is unhealthy on a 503', async () => {
    const fake = fakeFetch(() => jsonResponse({ status: 'unhealthy' }, 503));
    expect(await checkHealth({ fetchImpl: fake.fetch })).toBe('unhealthy');
  });

  it('is unreachable when the request fails', async () => {
    const fake = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await checkHealth({ fetchImpl: fake.fetch })).toBe('unreachable');
  });

  it('reports aborted when the caller cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    expect(await checkHealth({ fetchImpl: fake.fetch, signal: controller.signal })).toBe('aborted');
  });
});

describe('healthLabel', () => {
  it('has a label for every state', () => {
    expect(['checking', 'healthy', 'unhealthy', 'unreachable'].map((s) => healthLabel(s as Parameters<typeof healthLabel>[0]))).toEqual([
      'Checking API…',
      'API online',
      'API degraded',
      'API unreachable',
    ]);
  });
});
