export type HealthState = 'checking' | 'healthy' | 'unhealthy' | 'unreachable';

export const healthEndpoint = '/health';

/** Asks the Api's health endpoint; any answer other than a 2xx counts as unhealthy. Never throws. */
export async function checkHealth(options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {}): Promise<HealthState | 'aborted'> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  try {
    const response = await fetchImpl(healthEndpoint, {
      headers: { Accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return response.ok ? 'healthy' : 'unhealthy';
  } catch {
    return options.signal?.aborted ? 'aborted' : 'unreachable';
  }
}

export function healthLabel(state: HealthState): string {
  switch (state) {
    case 'checking':
      return 'Checking API…';
    case 'healthy':
      return 'API online';
    case 'unhealthy':
      return 'API degraded';
    case 'unreachable':
      return 'API unreachable';
  }
}
