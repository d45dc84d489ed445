import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  childPath,
  displayValue,
  domId,
  fieldView,
  fileIds,
  formatSize,
  fromInputText,
  indexEvaluation,
  newRow,
  rowPath,
  rowsAt,
  toInputText,
  uploadFieldKey,
  type EvaluationIndex,
  type FieldDefinition,
  type FieldError,
  type FormData,
  type FormDefinition,
  type FormEvaluation,
  type UploadedFile,
} from './formState';
import { Markdown } from './Markdown';
import './formRenderer.css';

/** What an upload gives back: the stored file, or one sentence saying why it was refused. */
export type UploadOutcome = { readonly file: UploadedFile } | { readonly error: string };

export interface FormRendererProps {
  /** The form definition (`Form.body`). */
  readonly form: FormDefinition;
  /** The data as typed so far, in the shape `evaluateForm` takes. */
  readonly data: FormData;
  /** The server's latest verdict on `data`: visibility, required, read-only, computed values and errors. */
  readonly evaluation?: FormEvaluation | null;
  /** Errors that replace the evaluation's and are all shown, e.g. the problems a failed completion returned. */
  readonly errors?: readonly FieldError[] | null;
  /** Called with a field's path (`lines[1].amount`) and its new value; a table's add/remove passes the whole list. */
  readonly onChange: (path: string, value: unknown) => void;
  /** Shows the values without letting anyone change them. */
  readonly readOnly?: boolean;
  /** Shows every error, not only those of fields the person has touched (after a submit attempt). */
  readonly showAllErrors?: boolean;
  /** Uploads a file for a file field (its key without row numbers); without it file fields cannot take files. */
  readonly upload?: (field: string, file: File) => Promise<UploadOutcome>;
  /** Files already known by id (e.g. uploaded earlier), so a file field can name them. */
  readonly files?: Readonly<Record<string, UploadedFile>>;
  /** Prefix of the DOM ids, when two forms share a page. */
  readonly idPrefix?: string;
}

interface RendererContext {
  readonly data: FormData;
  readonly index: EvaluationIndex;
  readonly readOnly: boolean;
  readonly prefix: string;
  readonly errorsShown: (path: string) => readonly FieldError[];
  readonly change: (path: string, value: unknown) => void;
  readonly touch: (path: string) => void;
  readonly upload: FormRendererProps['upload'];
  readonly files: Readonly<Record<string, UploadedFile>>;
  readonly remember: (file: UploadedFile) => void;
}

const Context = createContext<RendererContext | null>(null);

function useRenderer(): RendererContext {
  const context = useContext(Context);
  if (!context) {
    throw new Error('A form field was rendered outside FormRenderer.');
  }
  return context;
}

/**
 * Renders a form from its definition and the server's evaluation of the data: every field type, groups, repeating
 * rows, visibility, required, read-only and computed values as `evaluateForm` returns them, and each error at its
 * field. It holds no form logic of its own: whatever the server says is what it shows.
 */
export function FormRenderer(props: FormRendererProps) {
  const { form, data, evaluation, errors, onChange, readOnly = false, showAllErrors = false, upload, files, idPrefix = 'field' } = props;
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [uploaded, setUploaded] = useState<Readonly<Record<string, UploadedFile>>>({});
  const index = useMemo(() => indexEvaluation(evaluation, errors), [evaluation, errors]);
  const showAll = showAllErrors || (errors !== undefined && errors !== null);

  const touch = useCallback((path: string) => {
    setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));
  }, []);
  const change = useCallback(
    (path: string, value: unknown) => {
      touch(path);
      onChange(path, value);
    },
    [onChange, touch],
  );
  const errorsShown = useCallback(
    (path: string) => {
      const list = index.errors.get(path) ?? [];
      if (showAll || path === '') {
        return list;
      }
      // A cross-field validation names the field it is about, so it shows once that field or the table holding it is touched.
      return [...touched].some((done) => done === path || path.startsWith(`${done}[`) || path.startsWith(`${done}.`)) ? list : [];
    },
    [index, showAll, touched],
  );
  const remember = useCallback((file: UploadedFile) => setUploaded((current) => ({ ...current, [file.id]: file })), []);

  const context: RendererContext = {
    data,
    index,
    readOnly,
    prefix: idPrefix,
    errorsShown,
    change,
    touch,
    upload,
    files: { ...files, ...uploaded },
    remember,
  };
  const formErrors = errorsShown('');

  return (
    <Context.Provider value={context}>
      <div className="form-renderer">
        {formErrors.length > 0 ? (
          <div className="form-renderer__form-errors" role="alert">
            {formErrors.map((error) => (
              <p key={error.message}>{error.message}</p>
            ))}
          </div>
        ) : null}
        <Fields fields={form.fields} parent="" />
      </div>
    </Context.Provider>
  );
}

function Fields({ fields, parent }: { readonly fields: readonly FieldDefinition[]; readonly parent: string }) {
  return (
    <>
      {fields.map((field) => (
        <Field key={field.key} field={field} path={childPath(parent, field.key)} />
      ))}
    </>
  );
}

/** One field of any type, at its path. */
export function Field({ field, path }: { readonly field: FieldDefinition; readonly path: string }) {
  const context = useRenderer();
  const view = fieldView(field, path, context.index, context.readOnly);
  if (!view.visible) {
    return null;
  }
  switch (field.type) {
    case 'static':
      return (
        <div className="form-static" id={domId(context.prefix, path)}>
          <Markdown text={field.content ?? ''} />
        </div>
      );
    case 'group':
      return <GroupField field={field} path={path} />;
    case 'repeating':
      return <RepeatingField field={field} path={path} required={view.required} readonly={view.readonly} />;
    default:
      return <InputField field={field} path={path} required={view.required} readonly={view.readonly} />;
  }
}

function GroupField({ field, path }: { readonly field: FieldDefinition; readonly path: string }) {
  const context = useRenderer();
  const errors = context.errorsShown(path);
  const errorId = domId(`${context.prefix}-error`, path);
  return (
    <fieldset className="form-group" id={domId(context.prefix, path)} aria-describedby={errors.length > 0 ? errorId : undefined}>
      <legend className="form-group__legend">{field.label ?? field.key}</legend>
      {field.help ? <p className="form-field__help">{field.help}</p> : null}
      <ErrorText id={errorId} errors={errors} />
      <div className="form-group__fields">
        <Fields fields={field.fields ?? []} parent={path} />
      </div>
    </fieldset>
  );
}

function RepeatingField({ field, path, required, readonly }: { readonly field: FieldDefinition; readonly path: string; readonly required: boolean; readonly readonly: boolean }) {
  const context = useRenderer();
  const rows = rowsAt(context.data, path);
  const columns = field.fields ?? [];
  const label = field.label ?? field.key;
  const errors = context.errorsShown(path);
  const errorId = domId(`${context.prefix}-error`, path);
  const helpId = domId(`${context.prefix}-help`, path);
  const canAdd = !readonly && (field.maxRows === undefined || rows.length < field.maxRows);
  const canRemove = !readonly && rows.length > (field.minRows ?? 0);
  const describedBy = [field.help ? helpId : null, errors.length > 0 ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="form-table" id={domId(context.prefix, path)} aria-describedby={describedBy} aria-invalid={errors.length > 0 || undefined}>
      <legend className="form-group__legend">
        {label}
        {required ? <RequiredMark /> : null}
      </legend>
      {field.help ? (
        <p className="form-field__help" id={helpId}>
          {field.help}
        </p>
      ) : null}
      <ErrorText id={errorId} errors={errors} />
      {rows.length === 0 ? <p className="muted">No rows yet.</p> : null}
      <ol className="form-table__rows">
        {rows.map((_, position) => {
          const row = rowPath(path, position);
          const rowErrors = context.errorsShown(row);
          return (
            <li className="form-table__row" key={position} aria-label={`${label}, row ${position + 1}`}>
              <div className="form-table__row-head">
                <span className="form-table__row-title">Row {position + 1}</span>
                {canRemove ? (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Remove row ${position + 1} of ${label}`}
                    onClick={() =>
                      context.change(
                        path,
                        rows.filter((__, other) => other !== position),
                      )
                    }
                  >
                    Remove
                  </button>
                ) : null}
              </div>
              <ErrorText id={domId(`${context.prefix}-error`, row)} errors={rowErrors} />
              <div className="form-table__columns">
                <Fields fields={columns} parent={row} />
              </div>
            </li>
          );
        })}
      </ol>
      {readonly ? null : (
        <button type="button" className="button" disabled={!canAdd} onClick={() => context.change(path, [...rows, newRow(columns)])} title={canAdd ? undefined : `At most ${field.maxRows} rows`}>
          Add a row to {label}
        </button>
      )}
    </fieldset>
  );
}

interface InputProps {
  readonly field: FieldDefinition;
  readonly path: string;
  readonly required: boolean;
  readonly readonly: boolean;
}

function InputField({ field, path, required, readonly }: InputProps) {
  const context = useRenderer();
  const id = domId(context.prefix, path);
  const errors = context.errorsShown(path);
  const errorId = domId(`${context.prefix}-error`, path);
  const helpId = domId(`${context.prefix}-help`, path);
  const describedBy = [field.help ? helpId : null, errors.length > 0 ? errorId : null].filter(Boolean).join(' ') || undefined;
  const label = field.label ?? field.key;
  const common = {
    id,
    'aria-invalid': errors.length > 0 ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required ? true : undefined,
  } as const;
  const control = renderControl(field, path, readonly, common, context);
  const grouped = field.type === 'multiselect' || field.type === 'file';

  return (
    <div className={`form-field form-field--${field.type}${errors.length > 0 ? ' form-field--invalid' : ''}`}>
      {field.type === 'boolean' ? (
        <div className="form-field__check">
          {control}
          <label htmlFor={id}>
            {label}
            {required ? <RequiredMark /> : null}
          </label>
        </div>
      ) : grouped ? (
        <>
          <span className="form-field__label" id={`${id}-label`}>
            {label}
            {required ? <RequiredMark /> : null}
          </span>
          {control}
        </>
      ) : (
        <>
          <label className="form-field__label" htmlFor={id}>
            {label}
            {required ? <RequiredMark /> : null}
          </label>
          {control}
        </>
      )}
      {field.help ? (
        <p className="form-field__help" id={helpId}>
          {field.help}
        </p>
      ) : null}
      <ErrorText id={errorId} errors={errors} />
    </div>
  );
}

type CommonProps = {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-required': true | undefined;
};

const inputTypes: Readonly<Record<string, string>> = {
  text: 'text',
  email: 'email',
  url: 'url',
  number: 'number',
  integer: 'number',
  date: 'date',
  datetime: 'datetime-local',
};

function renderControl(field: FieldDefinition, path: string, readonly: boolean, common: CommonProps, context: RendererContext): ReactNode {
  const value = displayValue(field, path, context.data, context.index);
  const onText = (text: string) => context.change(path, fromInputText(field.type, text));
  const onBlur = () => context.touch(path);

  switch (field.type) {
    case 'textarea':
      return <textarea {...common} className="input form-field__textarea" value={toInputText(field.type, value)} readOnly={readonly} placeholder={field.placeholder} maxLength={field.maxLength} onChange={(event) => onText(event.target.value)} onBlur={onBlur} rows={4} />;
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true || value === 'true'} disabled={readonly} onChange={(event) => context.change(path, event.target.checked)} onBlur={onBlur} />;
    case 'select':
      return (
        <select {...common} className="input" value={toInputText(field.type, value)} disabled={readonly} onChange={(event) => context.change(path, event.target.value === '' ? null : optionValue(field, event.target.value))} onBlur={onBlur}>
          <option value="">Choose…</option>
          {(field.options ?? []).map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {option.label ?? String(option.value)}
            </option>
          ))}
        </select>
      );
    case 'multiselect':
      return <MultiSelect field={field} path={path} value={value} readonly={readonly} common={common} />;
    case 'file':
      return <FileInput field={field} path={path} value={value} readonly={readonly} common={common} />;
    case 'computed':
      return <input {...common} className="input form-field__computed" type="text" readOnly value={toInputText(field.type, value)} />;
    default: {
      const type = inputTypes[field.type];
      if (!type) {
        return (
          <p className="form-field__unknown" id={common.id}>
            This form uses a field type ({field.type}) this page cannot show; its value is kept as it is.
          </p>
        );
      }
      return (
        <input
          {...common}
          className="input"
          type={type}
          value={toInputText(field.type, value)}
          readOnly={readonly}
          placeholder={field.placeholder}
          min={type === 'number' ? field.min : field.minDate}
          max={type === 'number' ? field.max : field.maxDate}
          step={field.type === 'integer' ? 1 : field.type === 'number' ? 'any' : undefined}
          maxLength={field.maxLength}
          onChange={(event) => onText(event.target.value)}
          onBlur={onBlur}
        />
      );
    }
  }
}

function optionValue(field: FieldDefinition, text: string): unknown {
  return field.options?.find((option) => String(option.value) === text)?.value ?? text;
}

function MultiSelect({ field, path, value, readonly, common }: { readonly field: FieldDefinition; readonly path: string; readonly value: unknown; readonly readonly: boolean; readonly common: CommonProps }) {
  const context = useRenderer();
  const selected = (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).map(String);
  return (
    <div role="group" id={common.id} aria-labelledby={`${common.id}-label`} aria-describedby={common['aria-describedby']} aria-invalid={common['aria-invalid']} className="form-field__options">
      {(field.options ?? []).map((option) => {
        const optionId = `${common.id}-${String(option.value).replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const checked = selected.includes(String(option.value));
        return (
          <div className="form-field__check" key={String(option.value)}>
            <input
              id={optionId}
              type="checkbox"
              checked={checked}
              disabled={readonly}
              onChange={() => {
                const next = (field.options ?? []).filter((candidate) => (String(candidate.value) === String(option.value) ? !checked : selected.includes(String(candidate.value)))).map((candidate) => candidate.value);
                context.change(path, next);
              }}
            />
            <label htmlFor={optionId}>{option.label ?? String(option.value)}</label>
          </div>
        );
      })}
    </div>
  );
}

function FileInput({ field, path, value, readonly, common }: { readonly field: FieldDefinition; readonly path: string; readonly value: unknown; readonly readonly: boolean; readonly common: CommonProps }) {
  const context = useRenderer();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = fileIds(value);
  const label = field.label ?? field.key;
  const inputId = `${common.id}-input`;
  const statusId = `${common.id}-status`;
  const describedBy = [common['aria-describedby'], problem ? statusId : null].filter(Boolean).join(' ') || undefined;

  const choose = async (chosen: FileList | null) => {
    const upload = context.upload;
    if (!chosen || chosen.length === 0 || !upload) {
      return;
    }
    setBusy(true);
    setProblem(null);
    const added: string[] = [];
    for (const file of Array.from(chosen)) {
      const outcome = await upload(uploadFieldKey(path), file);
      if ('error' in outcome) {
        setProblem(`${file.name}: ${outcome.error}`);
        break;
      }
      context.remember(outcome.file);
      added.push(outcome.file.id);
    }
    setBusy(false);
    if (added.length > 0) {
      context.change(path, [...ids, ...added]);
    }
  };

  return (
    <div className="form-file" id={common.id}>
      {ids.length > 0 ? (
        <ul className="form-file__list" aria-label={`Files for ${label}`}>
          {ids.map((id) => {
            const known = context.files[id];
            return (
              <li key={id} className="form-file__item">
                <span className="form-file__name">{known?.name ?? id}</span>
                {known?.size !== undefined ? <span className="muted"> {formatSize(known.size)}</span> : null}
                {readonly ? null : (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Remove ${known?.name ?? 'file'} from ${label}`}
                    onClick={() =>
                      context.change(
                        path,
                        ids.filter((other) => other !== id),
                      )
                    }
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted form-file__empty">No file yet.</p>
      )}
      {readonly ? null : context.upload ? (
        <div className="form-file__picker">
          <label htmlFor={inputId} className="visually-hidden">
            Choose a file for {label}
          </label>
          <input
            id={inputId}
            type="file"
            multiple
            accept={field.accept?.join(',')}
            disabled={busy}
            aria-describedby={describedBy}
            aria-invalid={common['aria-invalid']}
            aria-required={common['aria-required']}
            onChange={(event) => {
              const target = event.target;
              void choose(target.files).then(() => {
                target.value = '';
              });
            }}
          />
          {busy ? (
            <span role="status" className="muted">
              Uploading…
            </span>
          ) : null}
        </div>
      ) : (
        <p className="muted">Files cannot be uploaded here.</p>
      )}
      {problem ? (
        <p className="form-field__error" id={statusId} role="alert">
          {problem}
        </p>
      ) : null}
      {field.accept || field.maxSizeBytes ? (
        <p className="form-field__help">
          {field.accept ? `Accepted: ${field.accept.join(', ')}.` : ''} {field.maxSizeBytes ? `Up to ${formatSize(field.maxSizeBytes)}.` : ''}
        </p>
      ) : null}
    </div>
  );
}

function ErrorText({ id, errors }: { readonly id: string; readonly errors: readonly FieldError[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <p className="form-field__error" id={id}>
      {errors.map((error) => error.message).join(' ')}
    </p>
  );
}

function RequiredMark() {
  return (
    <span className="form-field__required">
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> (required)</span>
    </span>
  );
}

