import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../app/pageTitle';
import { mutate, useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import type { FormData } from '../formRenderer/formState';
import { allKeys, builderReducer, findField, flatten, initialState, locate } from './builderState';
import { Dialog } from './Dialog';
import { fieldTypeLabels, fieldTypes, isContainer } from './fieldTypes';
import { FieldList, insertionPoint } from './FieldList';
import { formForBuilderQuery, publish, saveDraft, type DefinitionProblem, type FormForBuilder, type StoredForm } from './formApi';
import { emptyForm, fromMetadata, toMetadata, type FormDraft } from './formDraft';
import { FormSettings } from './FormSettings';
import { HistoryPanel } from './HistoryPanel';
import { PreviewPanel } from './PreviewPanel';
import { indexProblems } from './problemIndex';
import { fieldIdForDataPath, fieldIdForProblemPath } from './problemLinks';
import { PropertyPanel } from './PropertyPanel';
import './formBuilder.css';

/** What the server holds for the form, as far as this page knows. */
interface Saved {
  /** The draft's etag; null when there is no draft (a new form, or just published). */
  readonly etag: string | null;
  /** The metadata last saved, as JSON, to tell whether there are unsaved changes. */
  readonly json: string | null;
  readonly version: 0 | null;
}

const formKeyPattern = /^[a-z][a-z0-9-]{1,63}$/;

/** `forms/new` and `forms/:key`: loads the form, then hands it to the builder. */
export function FormBuilderPage() {
  const { key } = useParams();
  if (key === undefined) {
    return <Builder isNew initial={emptyForm('', 'Untitled form')} saved={{ etag: null, json: null, version: null }} loadProblems={[]} />;
  }
  return <ExistingForm formKey={key} />;
}

function ExistingForm({ formKey }: { readonly formKey: string }) {
  const { state, refetch } = useQuery<FormForBuilder>(formForBuilderQuery, { key: formKey });
  if (state.status === 'loading') {
    return (
      <div className="skeleton" role="status">
        <span className="visually-hidden">Loading the form…</span>
        <div className="skeleton__row" />
        <div className="skeleton__row" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <StateMessage tone="error" title="Could not load the form" action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
        <p>{state.message}</p>
      </StateMessage>
    );
  }
  const stored = state.data.draft ?? state.data.latest;
  if (!stored) {
    return (
      <StateMessage tone="neutral" title={`There is no form '${formKey}'`}>
        <p>It may have been discarded. Create a new form from the forms list.</p>
      </StateMessage>
    );
  }
  const { draft, problems } = fromMetadata(stored.body);
  return <Builder key={formKey} isNew={false} initial={draft} saved={savedFrom(stored)} loadProblems={problems} />;
}

function savedFrom(stored: StoredForm): Saved {
  return { etag: stored.version === 0 ? stored.etag : null, json: JSON.stringify(toMetadata(fromMetadata(stored.body).draft)), version: stored.version === 0 ? 0 : null };
}

type Notice = { readonly tone: 'ok' | 'error'; readonly text: string } | null;
type Conflict = { readonly message: string; readonly currentEtag: string | null } | null;

function Builder({ isNew, initial, saved: initialSaved, loadProblems }: { readonly isNew: boolean; readonly initial: FormDraft; readonly saved: Saved; readonly loadProblems: readonly string[] }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [state, dispatch] = useReducer(builderReducer, initial, initialState);
  const [saved, setSaved] = useState<Saved>(initialSaved);
  const [problems, setProblems] = useState<readonly DefinitionProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  // The first save of a new form moves to the form's own address; its message comes along.
  const [notice, setNotice] = useState<Notice>(() => {
    const carried = (location.state as { readonly notice?: string } | null)?.notice;
    return typeof carried === 'string' ? { tone: 'ok', text: carried } : null;
  });
  const [conflict, setConflict] = useState<Conflict>(null);
  const [duplicating, setDuplicating] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [sample, setSample] = useState<FormData>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const propertiesRef = useRef<HTMLDivElement>(null);

  const draft = state.present;
  usePageTitle(draft.name.trim() === '' ? 'Form' : draft.name);
  const metadata = useMemo(() => toMetadata(draft), [draft]);
  const json = JSON.stringify(metadata);
  const dirty = json !== saved.json;
  const names = useMemo(() => [...allKeys(draft.fields)].sort(), [draft.fields]);
  const problemIndex = useMemo(() => indexProblems(draft.fields, problems), [draft.fields, problems]);
  const selected = state.selectedId === null ? null : findField(draft.fields, state.selectedId);
  const containers = useMemo(() => flatten(draft.fields).map(({ field }) => field).filter((field) => isContainer(field.type)), [draft.fields]);
  const keyProblem = isNew && !formKeyPattern.test(draft.key) ? 'Choose a form key first: 2-64 lower-case letters, digits and -, starting with a letter.' : null;

  useEffect(() => {
    if (focusRequest > 0) {
      propertiesRef.current?.querySelector<HTMLElement>('h2')?.focus();
    }
  }, [focusRequest]);

  const select = (id: string | null) => {
    dispatch({ type: 'select', id });
    setFocusRequest((value) => value + 1);
  };

  const save = async (etag: string | null) => {
    if (keyProblem) {
      setNotice({ tone: 'error', text: keyProblem });
      return;
    }
    setBusy('save');
    if (isNew) {
      const existing = await mutate<{ readonly form: { readonly key: string } | null; readonly draft: { readonly key: string } | null }>('query FormKeyTaken($key: ID!) { form(key: $key) { key } draft: form(key: $key, version: 0) { key } }', { key: draft.key });
      if (existing.ok && (existing.data.form || existing.data.draft)) {
        setBusy(null);
        setNotice({ tone: 'error', text: `A form with the key '${draft.key}' already exists. Choose another key, or open that form from the list.` });
        return;
      }
    }
    const result = await saveDraft(draft.key, metadata, etag);
    setBusy(null);
    if (!result.ok) {
      setNotice({ tone: 'error', text: `The draft was not saved: ${result.message}` });
      return;
    }
    const payload = result.data.saveDraft;
    if (payload.definition) {
      setSaved({ etag: payload.definition.etag, json, version: 0 });
      setProblems([]);
      setConflict(null);
      const text = `Draft saved at ${new Date(payload.definition.updatedAt).toLocaleTimeString()}.`;
      setNotice({ tone: 'ok', text });
      if (isNew) {
        void navigate(`/forms/${draft.key}`, { replace: true, state: { notice: text } });
      }
      return;
    }
    if (payload.error?.kind === 'CONFLICT') {
      setConflict({ message: payload.error.message, currentEtag: payload.conflict?.currentEtag ?? null });
      return;
    }
    setProblems(payload.problems);
    setNotice({
      tone: 'error',
      text: payload.error?.kind === 'INVALID' ? `The server found ${payload.problems.length === 1 ? '1 problem' : `${payload.problems.length} problems`}, so the draft was not saved. Your changes are kept here: fix them and save again.` : (payload.error?.message ?? 'The draft was not saved.'),
    });
  };

  const doPublish = async () => {
    setBusy('publish');
    const result = await publish(draft.key, saved.etag);
    setBusy(null);
    if (!result.ok) {
      setNotice({ tone: 'error', text: `The form was not published: ${result.message}` });
      return;
    }
    const payload = result.data.publish;
    if (payload.definition) {
      setSaved({ etag: null, json, version: null });
      setProblems([]);
      setNotice({ tone: 'ok', text: `Published as version ${payload.definition.version}. New process instances use it from now on.` });
      return;
    }
    if (payload.error?.kind === 'CONFLICT') {
      setConflict({ message: payload.error.message, currentEtag: payload.conflict?.currentEtag ?? null });
      return;
    }
    setProblems(payload.problems);
    setNotice({ tone: 'error', text: payload.error?.kind === 'INVALID' ? `The server found ${payload.problems.length === 1 ? '1 problem' : `${payload.problems.length} problems`}; nothing was published.` : (payload.error?.message ?? 'Nothing was published.') });
  };

  const loadTheirs = async () => {
    const result = await mutate<FormForBuilder>(formForBuilderQuery, { key: draft.key });
    const stored = result.ok ? (result.data.draft ?? result.data.latest) : null;
    if (!stored) {
      setNotice({ tone: 'error', text: result.ok ? 'The form is no longer stored.' : `Could not load the stored version: ${result.message}` });
      return;
    }
    dispatch({ type: 'replace', draft: fromMetadata(stored.body).draft });
    setSaved(savedFrom(stored));
    setConflict(null);
    setProblems([]);
    setNotice({ tone: 'ok', text: 'Loaded the stored version. Undo brings your version back.' });
  };

  const publishBlocked = isNew ? 'Save the new form first.' : dirty ? 'Save the draft first: publishing publishes the saved draft.' : saved.etag === null ? 'There is no draft to publish: the form is as published.' : null;
  const add = (fieldType: (typeof fieldTypes)[number]) => {
    const point = insertionPoint(draft.fields, state.selectedId);
    dispatch({ type: 'addField', fieldType, parentId: point.parentId, ...(point.index !== undefined ? { index: point.index } : {}) });
  };
  const selectedLocation = selected ? locate(draft.fields, selected.id, null) : null;

  return (
    <div className="fb">
      <div className="fb-toolbar" role="group" aria-label="Form actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'undo' })} disabled={state.past.length === 0}>
          Undo
        </button>
        <button type="button" className="button" onClick={() => dispatch({ type: 'redo' })} disabled={state.future.length === 0}>
          Redo
        </button>
        <span className="fb-toolbar__gap" />
        <span className="fb-toolbar__status" role="status">
          {busy === 'save' ? 'Saving…' : busy === 'publish' ? 'Publishing…' : dirty ? 'Unsaved changes' : 'All changes saved'}
        </span>
        <button type="button" className="button button--primary" onClick={() => void save(saved.etag)} disabled={busy !== null}>
          Save draft
        </button>
        <button type="button" className="button" onClick={() => void doPublish()} disabled={busy !== null || publishBlocked !== null} aria-describedby={publishBlocked ? 'fb-publish-reason' : undefined} title={publishBlocked ?? undefined}>
          Publish
        </button>
        {publishBlocked ? (
          <span id="fb-publish-reason" className="visually-hidden">
            {publishBlocked}
          </span>
        ) : null}
        <button type="button" className="button" onClick={() => setDuplicating(true)} disabled={isNew}>
          Duplicate
        </button>
        <button type="button" className="button" aria-expanded={showHistory} onClick={() => setShowHistory((value) => !value)} disabled={isNew}>
          History
        </button>
      </div>
      {notice ? (
        <div className={`fb-message fb-message--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      ) : null}
      {loadProblems.length > 0 ? (
        <StateMessage tone="info" title="Parts of the stored form the builder does not edit">
          <ul className="details">
            {loadProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </StateMessage>
      ) : null}
      {problems.length > 0 ? (
        <section className="panel fb-problems" aria-labelledby="fb-problems-title">
          <h2 className="panel__title" id="fb-problems-title">
            Problems the server found
          </h2>
          <ul>
            {problems.map((problem, index) => {
              const fieldId = fieldIdForProblemPath(draft.fields, problem.path);
              const field = fieldId ? findField(draft.fields, fieldId) : null;
              return (
                <li key={index}>
                  <button type="button" className="fb-link" onClick={() => select(fieldId)}>
                    {field ? `Field ${field.key}` : 'Form settings'}
                  </button>{' '}
                  <span className="mono muted">{problem.path}</span>: {problem.message}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {showHistory && !isNew ? <HistoryPanel formKey={draft.key} refreshKey={`${saved.etag ?? ''}:${saved.version ?? 'published'}:${saved.json ?? ''}`} /> : null}
      <div className="fb-grid">
        <div className="fb-col">
          <section className="panel fb-palette" aria-labelledby="fb-palette-title">
            <h2 className="panel__title" id="fb-palette-title">
              Add a field
            </h2>
            <p className="muted fb-palette__hint">{selected && isContainer(selected.type) ? `Adds into ${selected.key}.` : selected ? `Adds after ${selected.key}.` : 'Adds at the end.'}</p>
            <div className="fb-palette__grid">
              {fieldTypes.map((type) => (
                <button key={type} type="button" className="button fb-palette__item" onClick={() => add(type)} aria-label={`Add ${fieldTypeLabels[type]} field`}>
                  {fieldTypeLabels[type]}
                </button>
              ))}
            </div>
          </section>
          <section className="panel fb-structure" aria-labelledby="fb-structure-title">
            <div className="fb-structure__head">
              <h2 className="panel__title" id="fb-structure-title">
                Fields
              </h2>
              <button type="button" className="button button--quiet" aria-pressed={state.selectedId === null} onClick={() => select(null)}>
                Form settings{problemIndex.form.length > 0 ? ` (${problemIndex.form.length})` : ''}
              </button>
            </div>
            <FieldList fields={draft.fields} selectedId={state.selectedId} dispatch={dispatch} problemCounts={problemIndex.counts} />
          </section>
        </div>
        <div className="fb-col" ref={propertiesRef}>
          {selected ? (
            <PropertyPanel
              key={selected.id}
              field={selected}
              dispatch={dispatch}
              names={names}
              containers={containers}
              parentId={selectedLocation?.parentId ?? null}
              sampleData={sample}
              problems={problemIndex.byField.get(selected.id) ?? new Map()}
            />
          ) : (
            <FormSettings draft={draft} dispatch={dispatch} onKeyChange={isNew ? (key) => dispatch({ type: 'setForm', key }) : null} names={names} sampleData={sample} problems={problemIndex.form} />
          )}
        </div>
        <div className="fb-col">
          <PreviewPanel
            formJson={json}
            dirty={dirty}
            data={sample}
            onData={setSample}
            onSelectPath={(path) => select(fieldIdForDataPath(draft.fields, path))}
          />
        </div>
      </div>
      {conflict ? (
        <Dialog title="Someone else changed this form" role="alertdialog" onClose={() => setConflict(null)}>
          <p>{conflict.message}</p>
          <p>Your version is kept here, nothing of it was lost. Choose what to do:</p>
          <div className="row">
            <button type="button" className="button button--primary" onClick={() => void save(conflict.currentEtag)} disabled={conflict.currentEtag === null} title={conflict.currentEtag === null ? 'The stored draft is gone or was published: save creates a new draft after you reload.' : undefined}>
              Overwrite with my version
            </button>
            <button type="button" className="button" onClick={() => void loadTheirs()}>
              Load their version (undo brings mine back)
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConflict(null)}>
              Keep editing
            </button>
          </div>
        </Dialog>
      ) : null}
      {duplicating ? <DuplicateDialog source={metadata} onClose={() => setDuplicating(false)} /> : null}
    </div>
  );
}

function DuplicateDialog({ source, onClose }: { readonly source: Readonly<Record<string, unknown>>; readonly onClose: () => void }) {
  const navigate = useNavigate();
  const [key, setKey] = useState(`${String(source['key'])}-copy`.slice(0, 64));
  const [name, setName] = useState(`${String(source['name'])} (copy)`);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const duplicate = async () => {
    if (!formKeyPattern.test(key)) {
      setError('The key must be 2-64 lower-case letters, digits and -, starting with a letter.');
      return;
    }
    setWorking(true);
    const existing = await mutate<{ readonly form: unknown; readonly draft: unknown }>('query FormKeyTaken($key: ID!) { form(key: $key) { key } draft: form(key: $key, version: 0) { key } }', { key });
    if (existing.ok && (existing.data.form || existing.data.draft)) {
      setWorking(false);
      setError(`A form with the key '${key}' already exists.`);
      return;
    }
    const result = await saveDraft(key, { ...source, key, name }, null);
    setWorking(false);
    if (!result.ok) {
      setError(result.message);
    } else if (result.data.saveDraft.definition) {
      onClose();
      void navigate(`/forms/${key}`);
    } else {
      const payload = result.data.saveDraft;
      setError([payload.error?.message ?? 'The copy was not saved.', ...payload.problems.map((problem) => `${problem.path}: ${problem.message}`)].join(' '));
    }
  };

  return (
    <Dialog title="Duplicate the form" onClose={onClose}>
      <p>Saves a copy of the form as you see it now as the draft of a new form.</p>
      <div className="field">
        <label className="field__label" htmlFor="fb-duplicate-key">
          New form key
        </label>
        <input id="fb-duplicate-key" className="input mono" value={key} onChange={(event) => setKey(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'fb-duplicate-error' : undefined} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="fb-duplicate-name">
          New form name
        </label>
        <input id="fb-duplicate-name" className="input" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      {error ? (
        <p className="field__error" id="fb-duplicate-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="button button--primary" onClick={() => void duplicate()} disabled={working}>
          Create the copy
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
