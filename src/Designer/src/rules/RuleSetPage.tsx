import '../processes/processes.css';
import './rules.css';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { usePageTitle } from '../app/pageTitle';
import { allows } from '../app/permissions';
import { useViewer } from '../app/session';
import { mutate, useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import type { ProcessJson, RuleSetJson } from '../processes/definitionTypes';
import { DryRunPanel } from './DryRunPanel';
import { fieldChoices } from './fieldPaths';
import { HistoryPanel } from './HistoryPanel';
import { RuleDetail } from './RuleDetail';
import { ruleSetPageQuery, saveDraftMutation, type HistoryEntry, type PayloadResult, type Problem, type StoredDefinition } from './ruleSetApi';
import { addRule, goToOf, removeRule, ruleIndexOfPath, setEnabled, updateRule } from './ruleSetEditing';
import { SimulatePanel } from './SimulatePanel';

interface PageData {
  readonly draft: StoredDefinition | null;
  readonly latest: StoredDefinition | null;
  readonly processes: readonly { readonly key: string; readonly name: string; readonly status: string; readonly body: ProcessJson }[];
  readonly forms: readonly { readonly key: string; readonly body: unknown }[];
  readonly definitionHistory: readonly HistoryEntry[];
}

type Notice = { readonly tone: 'info' | 'error'; readonly text: string; readonly conflictEtag?: string | null };

/** The rule editor: rules with salience and on/off, conditions and actions, simulate, dry run, publish live, history. */
export function RuleSetPage() {
  const { key = '' } = useParams();
  const viewer = useViewer();
  const { state, refetch } = useQuery<PageData>(ruleSetPageQuery, { key });
  const [body, setBody] = useState<RuleSetJson | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState(0);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const canEdit = allows(viewer, ['DESIGNER']);
  usePageTitle(body ? `Rules: ${body.name || key}` : null);

  const data = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (data && !dirty) {
      const source = data.draft ?? data.latest;
      setBody(source ? (source.body as RuleSetJson) : null);
      setEtag(data.draft?.etag ?? null);
    }
    // Reload the editor from the server only when nothing local would be lost.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  const processes = useMemo(() => (data ? data.processes.filter((process) => process.body.ruleSet === key).map((process) => process.body) : []), [data, key]);
  const steps = useMemo(() => [...new Set(processes.flatMap((process) => process.steps.map((step) => step.key)))], [processes]);
  const fields = useMemo(() => fieldChoices(processes, new Map(data?.forms.map((form) => [form.key, form.body]) ?? [])), [processes, data]);

  if (state.status === 'loading') {
    return (
      <div className="skeleton" role="status">
        <span className="visually-hidden">Loading the rule set…</span>
        <div className="skeleton__row" />
        <div className="skeleton__row" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <StateMessage tone="error" title="Could not load the rule set" action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
        <p>{state.message}</p>
      </StateMessage>
    );
  }
  if (!body) {
    return (
      <StateMessage tone="neutral" title={`There is no rule set "${key}"`}>
        <p>Create it from the Rules list, or check the address.</p>
      </StateMessage>
    );
  }

  const edit = (next: RuleSetJson) => {
    setBody(next);
    setDirty(true);
  };
  const rules = body.rules ?? [];
  const problemsByRule = new Map<number, string[]>();
  const general: string[] = [];
  for (const problem of problems) {
    const index = ruleIndexOfPath(problem.path);
    if (index === null) {
      general.push(`${problem.path}: ${problem.message}`);
    } else {
      problemsByRule.set(index, [...(problemsByRule.get(index) ?? []), `${problem.path}: ${problem.message}`]);
    }
  }

  const save = async (overEtag?: string | null) => {
    setSaving(true);
    setNotice(null);
    const answer = await mutate<{ saveDraft: PayloadResult }>(saveDraftMutation, { key, definition: body, etag: overEtag === undefined ? etag : overEtag });
    setSaving(false);
    if (!answer.ok) {
      setNotice({ tone: 'error', text: answer.message });
      return;
    }
    const payload = answer.data.saveDraft;
    setProblems(payload.problems);
    if (payload.error?.kind === 'CONFLICT') {
      setNotice({
        tone: 'error',
        text: 'Someone else saved this draft after you opened it. Your changes are still here: save over theirs, or load theirs (yours are lost).',
        conflictEtag: payload.conflict?.currentEtag ?? null,
      });
      return;
    }
    if (payload.error || !payload.definition) {
      setNotice({ tone: 'error', text: payload.error?.message ?? 'The draft was not saved.' });
      return;
    }
    setEtag(payload.definition.etag ?? null);
    setDirty(false);
    setNotice({ tone: 'info', text: 'Draft saved. Dry-run it to see its effect on recorded decisions before publishing live.' });
    refetch();
  };

  const reloadTheirs = () => {
    setDirty(false);
    setNotice(null);
    refetch();
  };

  return (
    <div className="stack">
      <div className="editor-toolbar" role="toolbar" aria-label="Rule set actions">
        <span className="pill">{etag ? 'draft' : `v${data?.latest?.version ?? '?'} published`}</span>
        {dirty ? <span className="pill pill--warning">unsaved changes</span> : null}
        <button type="button" className="button button--primary" disabled={!canEdit || saving || !dirty} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save draft'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!canEdit}
          onClick={() => {
            const added = addRule(body);
            edit(added.ruleSet);
            setSelected(added.index);
          }}
        >
          Add rule
        </button>
      </div>
      {notice ? (
        <div className={`state state--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.conflictEtag !== undefined ? (
            <div className="row">
              {notice.conflictEtag ? (
                <button type="button" className="button" onClick={() => void save(notice.conflictEtag)}>
                  Save mine over theirs
                </button>
              ) : null}
              <button type="button" className="button" onClick={reloadTheirs}>
                Load theirs
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {general.length > 0 ? (
        <ul className="editor-problems" aria-label="Problems of the rule set">
          {general.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <div className="editor-layout">
        <div className="stack">
          <section className="panel" aria-label="Rules">
            {rules.length === 0 ? (
              <StateMessage tone="neutral" title="No rules yet">
                <p>Add a rule: for instance, route large claims to a finance review.</p>
              </StateMessage>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Rules of {body.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">On</th>
                      <th scope="col">Rule</th>
                      <th scope="col">Salience</th>
                      <th scope="col">Routes to</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rules.map((rule, index) => (
                      <tr key={index} className={`${index === selected ? 'is-selected' : ''}${problemsByRule.has(index) ? ' has-problem' : ''}`}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Enable ${rule.name}`}
                            checked={rule.disabled !== true}
                            disabled={!canEdit}
                            onChange={(event) => edit(setEnabled(body, index, event.target.checked))}
                          />
                        </td>
                        <td>
                          <button type="button" className="link-button" aria-pressed={index === selected} onClick={() => setSelected(index)}>
                            {rule.name}
                          </button>
                          {problemsByRule.has(index) ? <span className="rule-problem"> {problemsByRule.get(index)!.length} problem(s)</span> : null}
                          <span className="cell-sub muted">{rule.on ?? 'taskCompleted'}{rule.steps ? ` · ${rule.steps.join(', ')}` : ''}</span>
                        </td>
                        <td>
                          <input
                            className="input input--narrow"
                            type="number"
                            aria-label={`Salience of ${rule.name}`}
                            value={rule.salience ?? 0}
                            disabled={!canEdit}
                            onChange={(event) => edit(updateRule(body, index, { salience: Number(event.target.value) }))}
                          />
                        </td>
                        <td>{goToOf(rule) ?? '—'}</td>
                        <td>
                          <button
                            type="button"
                            className="button"
                            disabled={!canEdit}
                            onClick={() => {
                              edit(removeRule(body, index));
                              setSelected(Math.max(0, Math.min(selected, rules.length - 2)));
                            }}
                          >
                            Delete<span className="visually-hidden"> {rule.name}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {rules[selected] ? (
            <RuleDetail ruleSet={body} index={selected} steps={steps} fields={fields} problems={problemsByRule.get(selected) ?? []} readOnly={!canEdit} onChange={edit} />
          ) : null}
        </div>
        <div className="stack">
          <SimulatePanel ruleSetKey={key} ruleSet={body} steps={steps} fields={fields} onProblems={setProblems} />
          <DryRunPanel
            ruleSetKey={key}
            processKeys={processes.map((process) => process.key)}
            draftEtag={etag}
            dirty={dirty}
            onPublished={() => {
              setNotice({ tone: 'info', text: 'Published live.' });
              refetch();
            }}
          />
          <HistoryPanel
            kind="RULE_SET"
            definitionKey={key}
            history={data?.definitionHistory ?? []}
            rollbackProcess={processes[0]?.key ?? null}
            onRolledBack={() => refetch()}
          />
        </div>
      </div>
    </div>
  );
}
