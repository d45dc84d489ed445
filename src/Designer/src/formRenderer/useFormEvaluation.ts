import { useEffect, useState } from 'react';
import type { FormData, FormEvaluation } from './formState';

/** Asks the server for its verdict on some data; resolves null when there is none (aborted, or the form is gone). */
export type Evaluate = (data: FormData, signal: AbortSignal) => Promise<FormEvaluation | { readonly error: string } | null>;

export interface EvaluationState {
  readonly evaluation: FormEvaluation | null;
  /** True while a request for the current data is pending or in flight. */
  readonly checking: boolean;
  /** Why the last check failed, if it did (the form stays usable; the server checks again on submit). */
  readonly error: string | null;
}

/**
 * Evaluates `data` on the server `delay` ms after it last changed, cancelling the request in flight when newer data
 * arrives, so the answer shown is always for what was typed last. The first evaluation runs at once.
 */
export function useFormEvaluation(evaluate: Evaluate, data: FormData, delay = 300): EvaluationState {
  const [state, setState] = useState<EvaluationState>({ evaluation: null, checking: true, error: null });
  const [first, setFirst] = useState(true);
  const key = JSON.stringify(data);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.checking ? current : { ...current, checking: true }));
    const timer = setTimeout(
      () => {
        setFirst(false);
        void evaluate(JSON.parse(key) as FormData, controller.signal).then((outcome) => {
          if (controller.signal.aborted || outcome === null) {
            return;
          }
          if ('error' in outcome) {
            setState((current) => ({ evaluation: current.evaluation, checking: false, error: outcome.error }));
          } else {
            setState({ evaluation: outcome, checking: false, error: null });
          }
        });
      },
      first ? 0 : delay,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `first` only picks the delay of the initial run; re-running when it flips would send a second request.
  }, [evaluate, key, delay]);

  return state;
}
