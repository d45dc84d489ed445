import type { DefinitionProblem } from './formApi';
import type { FieldDraft } from './formDraft';
import { fieldIdForProblemPath } from './problemLinks';

/** Problems of the last save or publish, sorted to where the builder shows them. */
export interface ProblemIndex {
  /** Field id → property ('' for the field itself) → messages. */
  readonly byField: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  readonly counts: ReadonlyMap<string, number>;
  /** Problems about the form or its validations. */
  readonly form: readonly DefinitionProblem[];
}

export function indexProblems(fields: readonly FieldDraft[], problems: readonly DefinitionProblem[]): ProblemIndex {
  const byField = new Map<string, Map<string, string[]>>();
  const counts = new Map<string, number>();
  const form: DefinitionProblem[] = [];
  for (const problem of problems) {
    const id = fieldIdForProblemPath(fields, problem.path);
    if (id === null) {
      form.push(problem);
      continue;
    }
    const property = propertyOf(problem.path);
    const properties = byField.get(id) ?? new Map<string, string[]>();
    properties.set(property, [...(properties.get(property) ?? []), problem.message]);
    byField.set(id, properties);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { byField, counts, form };
}

/** The property a field problem is about: `$.fields[2].options[1].value` → `options`; `$.fields[2]` → ''. */
export function propertyOf(path: string): string {
  const matches = [...path.matchAll(/\.fields\[\d+\]/g)];
  const last = matches[matches.length - 1];
  if (!last) {
    return '';
  }
  return /^\.(\w+)/.exec(path.slice(last.index + last[0].length))?.[1] ?? '';
}
