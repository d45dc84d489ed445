export interface OptionDraft {
  readonly value: string;
  readonly label?: string;
}

/** The choices of a select or multiselect: value and label per row, added and removed in place. */
export function OptionsEditor({ fieldId, options, onChange, problems }: { readonly fieldId: string; readonly options: unknown; readonly onChange: (options: OptionDraft[]) => void; readonly problems: readonly string[] }) {
  const list: OptionDraft[] = Array.isArray(options) ? (options as OptionDraft[]) : [];
  const update = (index: number, patch: Partial<OptionDraft>) => onChange(list.map((option, at) => (at === index ? { ...option, ...patch } : option)));
  return (
    <fieldset className="fb-options">
      <legend>Options</legend>
      {list.length === 0 ? <p className="muted">No options yet: a choice field needs at least one.</p> : null}
      {list.map((option, index) => (
        <div className="fb-options__row" key={index}>
          <label className="visually-hidden" htmlFor={`${fieldId}-option-${index}-value`}>
            Value of option {index + 1}
          </label>
          <input id={`${fieldId}-option-${index}-value`} className="input mono" value={option.value} placeholder="value" onChange={(event) => update(index, { value: event.target.value })} />
          <label className="visually-hidden" htmlFor={`${fieldId}-option-${index}-label`}>
            Label of option {index + 1}
          </label>
          <input id={`${fieldId}-option-${index}-label`} className="input" value={option.label ?? ''} placeholder="label" onChange={(event) => update(index, { label: event.target.value })} />
          <button type="button" className="button button--quiet" aria-label={`Remove option ${index + 1}`} onClick={() => onChange(list.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...list, { value: `option${list.length + 1}`, label: `Option ${list.length + 1}` }])}>
        Add option
      </button>
      {problems.map((problem, index) => (
        <p className="field__error" key={index}>
          {problem}
        </p>
      ))}
    </fieldset>
  );
}
