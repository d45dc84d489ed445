import { useCallback, useEffect, useRef, useState } from 'react';
import { requestGraphQL, type GraphQLOutcome } from '../api/graphqlRequest';

/** What a page renders for one GraphQL query: every state is explicit, so loading, empty and error views are never forgotten. */
export type QueryState<TData> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: TData }
  | { readonly status: 'error'; readonly message: string; readonly details: readonly string[]; readonly codes: readonly string[] };

export interface QueryResult<TData> {
  readonly state: QueryState<TData>;
  /** Runs the query again; the current data stays shown until the answer arrives. */
  readonly refetch: () => void;
}

/**
 * Runs a GraphQL query when the component mounts and whenever `variables` change (compared as JSON), cancelling the
 * request in flight. `skip` holds it back (e.g. until a route parameter is known).
 */
export function useQuery<TData>(query: string, variables?: Readonly<Record<string, unknown>>, options: { readonly skip?: boolean } = {}): QueryResult<TData> {
  const [state, setState] = useState<QueryState<TData>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const variablesKey = JSON.stringify(variables ?? {});
  const hasData = useRef(false);

  useEffect(() => {
    if (options.skip) {
      return undefined;
    }
    const controller = new AbortController();
    if (!hasData.current) {
      setState({ status: 'loading' });
    }
    void requestGraphQL<TData>(query, { variables: JSON.parse(variablesKey) as Record<string, unknown>, signal: controller.signal }).then((outcome) => {
      const next = toState(outcome);
      if (next) {
        hasData.current = next.status === 'ready';
        setState(next);
      }
    });
    return () => controller.abort();
  }, [query, variablesKey, generation, options.skip]);

  const refetch = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, refetch };
}

/** A query outcome as a page state; null when the request was aborted (a newer one replaced it). */
export function toState<TData>(outcome: GraphQLOutcome<TData>): QueryState<TData> | null {
  switch (outcome.kind) {
    case 'data':
      return { status: 'ready', data: outcome.data };
    case 'unavailable':
      return { status: 'error', message: outcome.message, details: [], codes: [] };
    case 'error':
      return { status: 'error', message: outcome.message, details: outcome.details, codes: outcome.codes ?? [] };
    case 'aborted':
      return null;
  }
}

/** The result of a mutation: its data, or one message saying why it failed (never thrown). */
export type MutationResult<TData> = { readonly ok: true; readonly data: TData } | { readonly ok: false; readonly message: string; readonly codes: readonly string[] };

/** Sends a mutation (or a one-off query) and returns its data or a message to show. */
export async function mutate<TData>(document: string, variables?: Readonly<Record<string, unknown>>): Promise<MutationResult<TData>> {
  const outcome = await requestGraphQL<TData>(document, variables ? { variables } : {});
  switch (outcome.kind) {
    case 'data':
      return { ok: true, data: outcome.data };
    case 'error':
      return { ok: false, message: outcome.message, codes: outcome.codes ?? [] };
    case 'unavailable':
      return { ok: false, message: outcome.message, codes: [] };
    case 'aborted':
      return { ok: false, message: 'The request was cancelled.', codes: [] };
  }
}
