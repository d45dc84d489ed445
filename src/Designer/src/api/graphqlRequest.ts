import { authorizationHeaders } from './apiKey';
/** Where the Api serves GraphQL over HTTP. */
export const graphqlEndpoint = '/graphql';

/**
 * Outcome of one GraphQL request. `unavailable` means there is no GraphQL server answering at all
 * (not mounted yet, network down); `error` means a server answered but the request failed.
 * Never thrown: pages render each case as a state.
 */
export type GraphQLOutcome<TData> =
  | { readonly kind: 'data'; readonly data: TData }
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string; readonly details: readonly string[]; readonly codes?: readonly string[] }
  | { readonly kind: 'aborted' };

export interface GraphQLRequestOptions {
  readonly endpoint?: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly operationName?: string;
  readonly signal?: AbortSignal;
  /**
   * GET suits read-only queries (GraphQL over HTTP allows it for queries only); POST is the default and
   * required for mutations.
   */
  readonly method?: 'GET' | 'POST';
  /** Injected by tests; defaults to the browser's fetch. */
  readonly fetchImpl?: typeof fetch;
}

/**
 * Sends a GraphQL request (POST unless GET is asked for) and classifies every way it can go wrong.
 * Asks for `application/json`: under GraphQL over HTTP a well-formed request that fails validation
 * then still answers 200 with `errors`, which this helper reports, instead of a 4xx the browser
 * would also log as a failed resource.
 */
export async function requestGraphQL<TData>(
  query: string,
  options: GraphQLRequestOptions = {},
): Promise<GraphQLOutcome<TData>> {
  const endpoint = options.endpoint ?? graphqlEndpoint;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const method = options.method ?? 'POST';
  const signal = options.signal ? { signal: options.signal } : {};

  let response: Response;
  try {
    response =
      method === 'GET'
        ? await fetchImpl(getUrl(endpoint, query, options), { method, headers: { Accept: 'application/json', ...authorizationHeaders() }, ...signal })
        : await fetchImpl(endpoint, {
            method,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authorizationHeaders() },
            body: JSON.stringify(postBody(query, options)),
            ...signal,
          });
  } catch (error) {
    if (isAbort(error, options.signal)) {
      return { kind: 'aborted' };
    }
    return { kind: 'unavailable', message: `Could not reach the API at ${endpoint}: ${describe(error)}.` };
  }

  if (response.status === 404 || response.status === 405) {
    return { kind: 'unavailable', message: `This server does not offer GraphQL at ${endpoint} yet (HTTP ${response.status}).` };
  }

  const contentType = response.headers.get('Content-Type') ?? '';
  if (!isJsonMediaType(contentType)) {
    return {
      kind: 'unavailable',
      message: `${endpoint} answered with ${contentType === '' ? 'no content type' : mediaType(contentType)} instead of GraphQL JSON (HTTP ${response.status}).`,
    };
  }

  let payload: unknown;
  try {
    payload = await response.json();
  } catch (error) {
    if (isAbort(error, options.signal)) {
      return { kind: 'aborted' };
    }
    return { kind: 'error', message: `${endpoint} answered with malformed JSON (HTTP ${response.status}).`, details: [] };
  }

  return interpretPayload<TData>(payload, response.status, endpoint);
}

function postBody(query: string, options: GraphQLRequestOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { query };
  if (options.variables) {
    body['variables'] = options.variables;
  }
  if (options.operationName) {
    body['operationName'] = options.operationName;
  }
  return body;
}

/** The GraphQL-over-HTTP GET form: query, operationName and JSON-encoded variables as URL parameters. */
export function getUrl(endpoint: string, query: string, options: Pick<GraphQLRequestOptions, 'variables' | 'operationName'> = {}): string {
  const parameters = new URLSearchParams({ query });
  if (options.operationName) {
    parameters.set('operationName', options.operationName);
  }
  if (options.variables) {
    parameters.set('variables', JSON.stringify(options.variables));
  }
  return `${endpoint}?${parameters.toString()}`;
}

/** Reads a GraphQL response body: errors win over partial data, since pages cannot show half a list honestly. */
export function interpretPayload<TData>(payload: unknown, status: number, endpoint = graphqlEndpoint): GraphQLOutcome<TData> {
  if (!isRecord(payload)) {
    return { kind: 'error', message: `${endpoint} answered with something that is not a GraphQL response (HTTP ${status}).`, details: [] };
  }
  const errors = payload['errors'];
  if (Array.isArray(errors) && errors.length > 0) {
    const details = errors.map(errorMessage);
    const codes = errors.map(errorCode).filter((code): code is string => code !== null);
    const first = details[0] ?? 'Unknown error';
    return { kind: 'error', message: details.length === 1 ? first : `${first} (and ${details.length - 1} more)`, details, codes };
  }
  if (status >= 400) {
    return { kind: 'error', message: `The GraphQL request failed with HTTP ${status}.`, details: [] };
  }
  const data = payload['data'];
  if (!isRecord(data)) {
    return { kind: 'error', message: 'The GraphQL response has no data.', details: [] };
  }
  return { kind: 'data', data: data as TData };
}

export function isJsonMediaType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || type === 'application/graphql-response+json';
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function errorMessage(error: unknown): string {
  if (isRecord(error) && typeof error['message'] === 'string' && error['message'] !== '') {
    return error['message'];
  }
  return 'Unknown error';
}

/** `extensions.code` of an error (UNAUTHENTICATED, FORBIDDEN, ...), or null. */
function errorCode(error: unknown): string | null {
  const extensions = isRecord(error) ? error['extensions'] : undefined;
  return isRecord(extensions) && typeof extensions['code'] === 'string' ? extensions['code'] : null;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

function describe(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : 'network error';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
