import { useCallback, useEffect, useMemo, useState } from 'react';
import { requestGraphQL, type GraphQLOutcome } from '../api/graphqlRequest';
import { StateMessage } from '../components/StateMessage';
import { isFormDefinition, type FieldError, type FormData } from '../formRenderer/formState';
import type { Evaluate } from '../formRenderer/useFormEvaluation';
import { formatDateTime, taskName } from './format';
import { TaskForm, type CompletionOutcome } from './TaskForm';
import { uploadFile } from './uploadFile';
import { completeTaskByTokenMutation, evaluateFormByTokenQuery, taskByTokenQuery, type FormEvaluation, type LinkedTask, type RuntimeError } from './workApi';
import './work.css';

/** The token of an external participant's link: `/external#token=…` (a fragment never reaches a server's logs). */
export function linkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

/**
 * Sends a GraphQL request as the holder of a link: the token in `X-LowCode-Link-Token` and no key, so the page can
 * reach only the operations a link opens, whoever else has signed in in this browser.
 */
export function requestAsLinkHolder<TData>(token: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLOutcome<TData>> {
  const fetchImpl: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.delete('Authorization');
    headers.set('X-LowCode-Link-Token', token);
    return fetch(input, { ...init, headers });
  };
  return requestGraphQL<TData>(query, { variables, fetchImpl, ...(signal ? { signal } : {}) });
}

interface LinkPayload {
  readonly linked: LinkedTask | null;
  readonly error: RuntimeError | null;
  readonly problems: readonly FieldError[];
}

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'closed'; readonly code: string; readonly message: string }
  | { readonly status: 'open'; readonly linked: LinkedTask }
  | { readonly status: 'done'; readonly organization: string; readonly taskName: string };

const closedCopy: Readonly<Record<string, { title: string; body: string }>> = {
  'link.used': { title: 'This link has already been used', body: 'The form it opened was sent, so it cannot be sent again. If you need to change something, contact the person who sent you the link.' },
  'link.expired': { title: 'This link has expired', body: 'Links work for a limited time. Ask the person who sent it for a new one.' },
  'link.revoked': { title: 'This link was replaced', body: 'A newer link was sent for the same request; use the most recent e-mail.' },
  'link.wrongTask': { title: 'This link does not open this page', body: 'Open the link exactly as it is in the e-mail.' },
  'link.unknown': { title: 'This link is not valid', body: 'Check that the whole link from the e-mail was opened; it may have been cut off.' },
};

/** The one page an external participant sees: the organisation's name, the one task its link opens, nothing else. */
export function ExternalTaskPage() {
  const token = useMemo(() => linkToken(window.location.hash), []);
  const [state, setState] = useState<PageState>({ status: 'loading' });

  useEffect(() => {
    if (!token) {
      setState({ status: 'closed', code: 'link.unknown', message: 'The link has no token.' });
      return undefined;
    }
    const controller = new AbortController();
    void requestAsLinkHolder<{ taskByToken: LinkPayload }>(token, taskByTokenQuery, { token }, controller.signal).then((outcome) => {
      if (outcome.kind === 'aborted') {
        return;
      }
      if (outcome.kind !== 'data') {
        setState({ status: 'failed', message: outcome.message });
        return;
      }
      const payload = outcome.data.taskByToken;
      if (payload.linked) {
        setState({ status: 'open', linked: payload.linked });
      } else {
        setState({ status: 'closed', code: payload.problems[0]?.code ?? 'link.unknown', message: payload.error?.message ?? '' });
      }
    });
    return () => controller.abort();
  }, [token]);

  const title = state.status === 'open' ? (state.linked.form?.name ?? taskName(state.linked.task)) : state.status === 'closed' ? (closedCopy[state.code] ?? closedCopy['link.unknown']!).title : state.status === 'done' ? 'Thank you' : 'Your request';
  useEffect(() => {
    document.title = state.status === 'open' ? `${title} · ${state.linked.organizationName}` : title;
  }, [state, title]);

  return (
    <div className="external">
      <header className="external__header">
        <p className="external__org">{state.status === 'open' ? state.linked.organizationName : state.status === 'done' ? state.organization : ''}</p>
      </header>
      <main id="content">
        <h1 className="page-header__title">{title}</h1>
        {state.status === 'loading' ? (
          <p className="muted" role="status">
            Opening your link…
          </p>
        ) : state.status === 'failed' ? (
          <StateMessage tone="error" title="The page could not be loaded">
            <p>{state.message} Try again in a moment.</p>
          </StateMessage>
        ) : state.status === 'closed' ? (
          <StateMessage tone="info" title={(closedCopy[state.code] ?? closedCopy['link.unknown']!).title}>
            <p>{(closedCopy[state.code] ?? closedCopy['link.unknown']!).body}</p>
          </StateMessage>
        ) : state.status === 'done' ? (
          <StateMessage tone="info" title="Sent">
            <p>
              {state.organization} has received {state.taskName.toLowerCase()}. You can close this page; the link will not open the form again.
            </p>
          </StateMessage>
        ) : (
          <LinkedTaskForm token={token!} linked={state.linked} onDone={() => setState({ status: 'done', organization: state.linked.organizationName, taskName: state.linked.form?.name ?? taskName(state.linked.task) })} />
        )}
      </main>
    </div>
  );
}

function LinkedTaskForm({ token, linked, onDone }: { readonly token: string; readonly linked: LinkedTask; readonly onDone: () => void }) {
  const task = linked.task;
  const evaluate = useCallback<Evaluate>(
    async (data, signal) => {
      const outcome = await requestAsLinkHolder<{ evaluateFormByToken: { evaluation: FormEvaluation | null; error: RuntimeError | null } }>(token, evaluateFormByTokenQuery, { token, data }, signal);
      if (outcome.kind === 'aborted') {
        return null;
      }
      if (outcome.kind !== 'data') {
        return { error: outcome.message };
      }
      const payload = outcome.data.evaluateFormByToken;
      return payload.evaluation ?? { error: payload.error?.message ?? 'The form could not be checked.' };
    },
    [token],
  );
  const complete = useCallback(
    async (data: FormData, outcome: string | null): Promise<CompletionOutcome> => {
      const result = await requestAsLinkHolder<{ completeTaskByToken: { completedTaskId: string | null; error: RuntimeError | null; problems: readonly FieldError[] } }>(token, completeTaskByTokenMutation, { token, data, outcome, idempotencyKey: crypto.randomUUID() });
      if (result.kind !== 'data') {
        return { ok: false, message: result.kind === 'aborted' ? 'The request was cancelled.' : result.message, problems: [] };
      }
      const payload = result.data.completeTaskByToken;
      if (payload.error) {
        return { ok: false, message: payload.error.message, problems: payload.problems.filter((problem) => !problem.code.startsWith('link.')) };
      }
      onDone();
      return { ok: true };
    },
    [token, onDone],
  );
  const upload = useCallback((field: string, file: File) => uploadFile(task.id, field, file, token), [task.id, token]);
  const form = linked.form && isFormDefinition(linked.form.body) ? linked.form.body : null;

  return (
    <section className="panel panel--padded" aria-label="Your form">
      <p className="muted">
        For {linked.email}. This link works until {formatDateTime(linked.expiresAt)} and can be sent once.
      </p>
      <TaskForm taskId={task.id} form={form} prefill={task.prefill} outcomes={task.outcomes} evaluate={evaluate} complete={complete} upload={upload} />
    </section>
  );
}
