import { useEffect, useState } from 'react';
import { fetchDefinitions, type DefinitionKind, type DefinitionSummary } from '../api/definitions';

export type DefinitionsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly items: readonly DefinitionSummary[] }
  | { readonly status: 'unavailable'; readonly message: string }
  | { readonly status: 'error'; readonly message: string; readonly details: readonly string[] };

/** Loads one kind's definition list; `reload` asks again (after an error, for instance). */
export function useDefinitions(kind: DefinitionKind): { readonly state: DefinitionsState; readonly reload: () => void } {
  const [state, setState] = useState<DefinitionsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void fetchDefinitions(kind, { signal: controller.signal }).then((outcome) => {
      switch (outcome.kind) {
        case 'aborted':
          return;
        case 'data':
          setState({ status: 'ready', items: outcome.data });
          return;
        case 'unavailable':
          setState({ status: 'unavailable', message: outcome.message });
          return;
        case 'error':
          setState({ status: 'error', message: outcome.message, details: outcome.details });
          return;
      }
    });
    return () => controller.abort();
  }, [kind, attempt]);

  return { state, reload: () => setAttempt((n) => n + 1) };
}
