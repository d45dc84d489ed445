import type { ProcessJson } from '../processes/definitionTypes';

interface FormFieldJson {
  readonly key?: string;
  readonly type?: string;
  readonly label?: string;
  readonly fields?: readonly FormFieldJson[];
}

export interface FieldChoice {
  readonly path: string;
  readonly label: string;
  readonly form: string;
}

/**
 * The data fields a rule can test: every field of every form the processes' steps show, groups as `group.field`
 * (a repeating group is a list, so its columns are not offered). One entry per path, the first form's label winning.
 */
export function fieldChoices(processes: readonly ProcessJson[], forms: ReadonlyMap<string, unknown>): readonly FieldChoice[] {
  const byPath = new Map<string, FieldChoice>();
  for (const process of processes) {
    for (const step of process.steps ?? []) {
      if (!step.form) {
        continue;
      }
      const body = forms.get(step.form);
      const fields = body && typeof body === 'object' ? (body as { fields?: readonly FormFieldJson[] }).fields : undefined;
      collect(fields ?? [], '', step.form, byPath);
    }
  }
  return [...byPath.values()];
}

function collect(fields: readonly FormFieldJson[], prefix: string, form: string, into: Map<string, FieldChoice>): void {
  for (const field of fields) {
    if (!field.key || field.type === 'static') {
      continue;
    }
    const path = prefix + field.key;
    if (field.type === 'group') {
      collect(field.fields ?? [], `${path}.`, form, into);
      continue;
    }
    if (!into.has(path)) {
      into.set(path, { path, label: field.label ?? field.key, form });
    }
  }
}
