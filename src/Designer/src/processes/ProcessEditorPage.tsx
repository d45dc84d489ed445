import './processes.css';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/pageTitle';
import { allows } from '../app/permissions';
import { useViewer } from '../app/session';
import { mutate, useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { HistoryPanel } from '../rules/HistoryPanel';
import type { HistoryEntry, PayloadResult, Problem, StoredDefinition } from '../rules/ruleSetApi';
import { ConnectForm, type RoutingRuleInput } from './ConnectForm';
import { stepKindLabels, stepKinds, type ProcessJson, type RuleSetJson, type StepKind } from './definitionTypes';
import { processPageQuery, publishDocument, routingRuleSetQuery, saveDraftDocument } from './processApi';
import { addStep, blankStep, connect, disconnect, removeStep, stepKeyProblem, updateStep } from './processEditing';
import { ProcessGraph } from './ProcessGraph';
import { stepOfProblemPath, type GraphEdge } from './processGraph';
import { StepProperties } from './StepProperties';

interface PageData {
  readonly draft: StoredDefinition | null;
  readonly latest: StoredDefinition | null;
  readonly forms: readonly { readonly key: string; readonly name: string }[];
  readonly ruleSets: readonly { readonly key: string; readonly name: string }[];
  readonly definitionHistory: readonly HistoryEntry[];
}

interface RuleSetData {
  readonly draft: StoredDefinition | null;
  readonly latest: StoredDefinition | null;
}

type Notice = { readonly tone: 'info' | 'error'; readonly text: string; readonly conflictEtag?: string | null; readonly link?: string };

/** The process graph editor: steps of every kind, connections, routing rules on the edges, save, publish, history. */
export function ProcessEditorPage() {
  const { key = '' } = useParams();
  const id = useId();
  const viewer = useViewer();
  const canEdit = allows(viewer, ['DESIGNER']);
  const { state, refetch } = useQuery<PageData>(processPageQuery, { key });
  const [body, setBody] = useState<ProcessJson | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<GraphEdge | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [newKey, setNewKey] = useState('');
  const [newKind, setNewKind] = useState<StepKind>('formTask');
  const [addError, setAddError] = useState<string | null>(null);
  usePageTitle(body ? `Process: ${body.name || key}` : null);

  const data = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (data && !dirty) {
      const source = data.draft ?? data.latest;
      setBody(source ? (source.body as ProcessJson) : null);
      setEtag(data.draft?.etag ?? null);
    }
    // Reload from the server only when nothing local would be lost.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  const ruleSetKey = body?.ruleSet ?? '';
  const ruleSetQuery = useQuery<RuleSetData>(routingRuleSetQuery, { key: ruleSetKey }, { skip: ruleSetKey === '' });
  const ruleSetData = ruleSetKey !== '' && ruleSetQuery.state.status === 'ready' ? ruleSetQuery.state.data : null;
  const ruleSet = (ruleSetData?.draft ?? ruleSetData?.latest)?.body as RuleSetJson | undefined;

  const problemsByStep = useMemo(() => {
    const map: Record<string, string[]> = {};
    if (body) {
      for (const problem of problems) {
        const step = stepOfProblemPath(body, problem.path);
        if (step) {
          (map[step] ??= []).push(problem.message);
        }
      }
    }
    return map;
  }, [problems, body]);

  if (state.status === 'loading') {
    return (
      <div className="skeleton" role="status">
        <span className="visually-hidden">Loading the process…</span>
        <div className="skeleton__row" />
        <div className="skeleton__row" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <StateMessage tone="error" title="Could not load the process" action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
        <p>{state.message}</p>
      </StateMessage>
    );
  }
  if (!body) {
    return (
      <StateMessage tone="neutral" title={`There is no process "${key}"`}>
        <p>Create it from the Processes list, or check the address.</p>
      </StateMessage>
    );
  }

  const edit = (next: ProcessJson) => {
    setBody(next);
    setDirty(true);
  };
  const general = problems.filter((problem) => stepOfProblemPath(body, problem.path) === null);
  const stepKeys = body.steps.map((step) => step.key);
  const selectedStep = body.steps.find((step) => step.key === selected) ?? null;

  const save = async (overEtag?: string | null): Promise<boolean> => {
    setBusy(true);
    setNotice(null);
    const answer = await mutate<{ saveDraft: PayloadResult }>(saveDraftDocument, { kind: 'PROCESS', key, definition: body, etag: overEtag === undefined ? etag : overEtag });
    setBusy(false);
    if (!answer.ok) {
      setNotice({ tone: 'error', text: answer.message });
      return false;
    }
    const payload = answer.data.saveDraft;
    setProblems(payload.problems);
    if (payload.error?.kind === 'CONFLICT') {
      setNotice({ tone: 'error', text: 'Someone else saved this draft after you opened it. Your changes are still here: save over theirs, or load theirs.', conflictEtag: payload.conflict?.currentEtag ?? null });
      return false;
    }
    if (payload.error || !payload.definition) {
      setNotice({ tone: 'error', text: `${payload.error?.message ?? 'The draft was not saved.'} The steps with problems are outlined in red.` });
      return false;
    }
    setEtag(payload.definition.etag ?? null);
    setDirty(false);
    setNotice({ tone: 'info', text: 'Draft saved.' });
    refetch();
    return true;
  };

  const publish = async () => {
    if (dirty && !(await save())) {
      return;
    }
    setBusy(true);
    const answer = await mutate<{ publish: PayloadResult }>(publishDocument, { kind: 'PROCESS', key, etag: null });
    setBusy(false);
    if (!answer.ok) {
      setNotice({ tone: 'error', text: answer.message });
      return;
    }
    const payload = answer.data.publish;
    setProblems(payload.problems);
    if (payload.error || !payload.definition) {
      setNotice({ tone: 'error', text: `${payload.error?.message ?? 'Not published.'} The steps with problems are outlined in red.` });
      return;
    }
    const pendingRules = ruleSetData?.draft ? ` The rule set ${ruleSetKey} has an unpublished draft: dry-run it and publish it live in the rule editor.` : '';
    setNotice({ tone: 'info', text: `Published as v${payload.definition.version}.${pendingRules}`, ...(pendingRules ? { link: `/rules/${encodeURIComponent(ruleSetKey)}` } : {}) });
    setEtag(null);
    refetch();
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const problem = stepKeyProblem(body, newKey);
    if (problem) {
      setAddError(problem);
      return;
    }
    setAddError(null);
    edit(addStep(body, blankStep(newKey, newKind)));
    setSelected(newKey);
    setNewKey('');
  };

  const addRoutingRule = async (input: RoutingRuleInput) => {
    const targetKey = ruleSetKey || `${key}-routing`;
    const current: RuleSetJson = ruleSet ?? { key: targetKey, name: `${body.name} routing`, rules: [] };
    if ((current.rules ?? []).some((rule) => rule.name === input.name)) {
      setNotice({ tone: 'error', text: `The rule set already has a rule "${input.name}"; choose another name.` });
      return;
    }
    const next: RuleSetJson = {
      ...current,
      rules: [
        ...(current.rules ?? []),
        { name: input.name, salience: input.salience, steps: [input.from], when: [{ path: input.path, op: input.op, value: input.value }], then: [{ type: 'goTo', step: input.to }] },
      ],
    };
    setBusy(true);
    const answer = await mutate<{ saveDraft: PayloadResult }>(saveDraftDocument, { kind: 'RULE_SET', key: targetKey, definition: next, etag: ruleSetData?.draft?.etag ?? null });
    setBusy(false);
    if (!answer.ok) {
      setNotice({ tone: 'error', text: answer.message });
      return;
    }
    const payload = answer.data.saveDraft;
    if (payload.error) {
      setNotice({ tone: 'error', text: [payload.error.message, ...payload.problems.map((problem) => `${problem.path}: ${problem.message}`)].join(' ') });
      return;
    }
    if (!ruleSetKey) {
      edit({ ...body, ruleSet: targetKey });
    }
    setNotice({ tone: 'info', text: `Rule ${input.name} saved in the draft of rule set ${targetKey}; it routes ${input.from} → ${input.to}.`, link: `/rules/${encodeURIComponent(targetKey)}` });
    ruleSetQuery.refetch();
  };

  return (
    <div className="stack">
      <div className="editor-toolbar" role="toolbar" aria-label="Process actions">
        <span className="pill">{etag ? 'draft' : `v${data?.latest?.version ?? '?'} published`}</span>
        {dirty ? <span className="pill pill--warning">unsaved changes</span> : null}
        <button type="button" className="button" disabled={!canEdit || busy || !dirty} onClick={() => void save()}>
          Save draft
        </button>
        <button type="button" className="button button--primary" disabled={!canEdit || busy || (!dirty && etag === null)} onClick={() => void publish()}>
          Publish
        </button>
      </div>
      {notice ? (
        <div className={`state state--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.link ? <Link to={notice.link}>Open the rule editor</Link> : null}
          {notice.conflictEtag !== undefined ? (
            <div className="row">
              {notice.conflictEtag ? (
                <button type="button" className="button" onClick={() => void save(notice.conflictEtag)}>
                  Save mine over theirs
                </button>
              ) : null}
              <button
                type="button"
                className="button"
                onClick={() => {
                  setDirty(false);
                  setNotice(null);
                  refetch();
                }}
              >
                Load theirs
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {general.length > 0 ? (
        <ul className="editor-problems" aria-label="Problems of the process">
          {general.map((problem) => (
            <li key={problem.path + problem.code}>
              {problem.path}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="editor-layout">
        <div className="stack">
          <ProcessGraph
            process={body}
            ruleSet={ruleSet ?? null}
            problems={problemsByStep}
            selectedStep={selected}
            onSelectStep={(step) => {
              setSelected(step);
              setSelectedEdge(null);
            }}
            onSelectEdge={setSelectedEdge}
            label={`Process graph of ${body.name || key}`}
            height={460}
          />
          <p className="muted">Tab to a step and press Enter to select it; the forms beside the graph add and connect steps.</p>
          {selectedEdge ? (
            <section className="panel panel--padded stack" aria-label="Selected connection">
              <p>
                {selectedEdge.kind === 'rule'
                  ? `Rule ${selectedEdge.label} (salience ${selectedEdge.rule?.salience ?? 0}${selectedEdge.rule?.disabled ? ', disabled' : ''}) routes ${selectedEdge.source} → ${selectedEdge.target}.`
                  : `${selectedEdge.source} → ${selectedEdge.target}${selectedEdge.label ? ` when ${selectedEdge.label}` : ''} (${selectedEdge.kind}).`}
              </p>
              {selectedEdge.kind === 'rule' ? (
                <Link to={`/rules/${encodeURIComponent(ruleSetKey)}`}>Edit this rule in the rule editor</Link>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={!canEdit}
                  onClick={() => {
                    edit(disconnect(body, selectedEdge));
                    setSelectedEdge(null);
                  }}
                >
                  Remove this connection
                </button>
              )}
            </section>
          ) : null}
          <section className="panel panel--padded" aria-label="Steps">
            <ul className="history-list">
              {body.steps.map((step) => (
                <li key={step.key}>
                  <button type="button" className="link-button" aria-pressed={selected === step.key} onClick={() => setSelected(step.key)}>
                    {step.name || step.key}
                  </button>{' '}
                  <span className="muted">({step.type})</span>
                  {problemsByStep[step.key] ? <span className="editor-problems"> {problemsByStep[step.key]!.length} problem(s)</span> : null}
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className="stack">
          {selectedStep ? (
            <StepProperties
              process={body}
              step={selectedStep}
              forms={data?.forms ?? []}
              problems={problemsByStep[selectedStep.key] ?? []}
              readOnly={!canEdit}
              onChange={(change) => edit(updateStep(body, selectedStep.key, change))}
              onRemove={() => {
                edit(removeStep(body, selectedStep.key));
                setSelected(null);
              }}
              onMakeStart={() => edit({ ...body, start: selectedStep.key })}
            />
          ) : null}
          <form className="panel panel--padded editor-form" aria-labelledby={`${id}-add`} onSubmit={add}>
            <h2 id={`${id}-add`} className="panel__title">
              Add a step
            </h2>
            <fieldset className="editor-form" disabled={!canEdit}>
              <legend className="visually-hidden">New step</legend>
              <label>
                Step key
                <input className="input" value={newKey} onChange={(event) => setNewKey(event.target.value)} />
              </label>
              <label>
                Kind
                <select className="input" value={newKind} onChange={(event) => setNewKind(event.target.value as StepKind)}>
                  {stepKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {stepKindLabels[kind]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button">
                Add step
              </button>
            </fieldset>
            {addError ? (
              <p className="editor-problems" role="alert">
                {addError}
              </p>
            ) : null}
          </form>
          <ConnectForm
            steps={stepKeys}
            fields={[]}
            disabled={!canEdit || busy}
            onConnect={(from, to, kind, outcome) => edit(connect(body, from, to, kind, outcome))}
            onRoutingRule={(rule) => void addRoutingRule(rule)}
          />
          <section className="panel panel--padded editor-form" aria-label="Process properties">
            <label>
              Process name
              <input className="input" value={body.name} disabled={!canEdit} onChange={(event) => edit({ ...body, name: event.target.value })} />
            </label>
            <label>
              Routing rule set
              <select className="input" value={body.ruleSet ?? ''} disabled={!canEdit} onChange={(event) => edit(event.target.value ? { ...body, ruleSet: event.target.value } : (({ ruleSet: _r, ...rest }) => rest)(body))}>
                <option value="">None</option>
                {[...(data?.ruleSets ?? []), ...(body.ruleSet && !(data?.ruleSets ?? []).some((r) => r.key === body.ruleSet) ? [{ key: body.ruleSet, name: body.ruleSet }] : [])].map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.name || r.key}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Instance SLA (ISO-8601 duration)
              <input className="input" value={body.sla ?? ''} disabled={!canEdit} onChange={(event) => edit(event.target.value ? { ...body, sla: event.target.value } : (({ sla: _s, ...rest }) => rest)(body))} />
            </label>
          </section>
          <HistoryPanel kind="PROCESS" definitionKey={key} history={data?.definitionHistory ?? []} />
        </div>
      </div>
    </div>
  );
}
