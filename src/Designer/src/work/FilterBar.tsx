import type { ReactNode } from 'react';

/** One control of a list's filter bar; its value is always a string, as the form control holds it. */
export type FilterControl<K extends string> =
  | {
      readonly kind: 'select';
      readonly name: K;
      readonly label: string;
      readonly value: string;
      readonly options: readonly (readonly [value: string, label: string])[];
      readonly disabled?: boolean;
      /** Why the control is disabled, as a tooltip. */
      readonly title?: string | undefined;
    }
  | { readonly kind: 'text' | 'date'; readonly name: K; readonly label: string; readonly value: string; readonly placeholder?: string; readonly disabled?: boolean };

export interface FilterBarProps<K extends string> {
  /** The bar's accessible name, e.g. "Task filters". */
  readonly label: string;
  readonly controls: readonly FilterControl<K>[];
  readonly onChange: (name: K, value: string) => void;
  /** Buttons after the controls (Refresh). */
  readonly children?: ReactNode;
}

/** The filter bar of a server-filtered list (tasks, instances): labelled controls in a wrapping row. */
export function FilterBar<K extends string>({ label, controls, onChange, children }: FilterBarProps<K>) {
  return (
    <section className="panel panel--padded" aria-label={label}>
      <div className="filters">
        {controls.map((control) => (
          <label className="field" key={control.name}>
            <span>{control.label}</span>
            {control.kind === 'select' ? (
              <select className="input" value={control.value} disabled={control.disabled} title={control.title} onChange={(event) => onChange(control.name, event.target.value)}>
                {control.options.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className="input"
                type={control.kind === 'date' ? 'date' : undefined}
                value={control.value}
                placeholder={control.placeholder}
                disabled={control.disabled}
                onChange={(event) => onChange(control.name, event.target.value)}
              />
            )}
          </label>
        ))}
        {children}
      </div>
    </section>
  );
}
