import type { FieldDraft } from './formDraft';

/**
 * The field a definition problem is about, from its JSON path (`$.fields[2].fields[0].visibleWhen` is the first
 * field of the third): the deepest field the path reaches, or null for the form as a whole.
 */
export function fieldIdForProblemPath(fields: readonly FieldDraft[], path: string): string | null {
  const pattern = /\.fields\[(\d+)\]/gy;
  let list = fields;
  let found: string | null = null;
  let position = path.startsWith('$') ? 1 : 0;
  for (;;) {
    pattern.lastIndex = position;
    const match = pattern.exec(path);
    if (!match) {
      return found;
    }
    const field = list[Number(match[1])];
    if (!field) {
      return found;
    }
    found = field.id;
    list = field.fields;
    position = pattern.lastIndex;
  }
}

/**
 * The field an evaluation error or field state is about, from its data path (`amount`, `address.city`,
 * `lines[2].amount`): groups are matched by key, row indexes skipped. Null for the form as a whole.
 */
export function fieldIdForDataPath(fields: readonly FieldDraft[], path: string): string | null {
  if (path === '') {
    return null;
  }
  const segments = path.replace(/\[\d+\]/g, '').split('.');
  let list = fields;
  let found: string | null = null;
  for (const segment of segments) {
    const field = findByKey(list, segment);
    if (!field) {
      return found;
    }
    found = field.id;
    list = field.fields;
  }
  return found;
}

/** A group's fields write into the group's object, but a repeating group's columns live in its rows: both are found by key below their container. */
function findByKey(list: readonly FieldDraft[], key: string): FieldDraft | null {
  for (const field of list) {
    if (field.key === key) {
      return field;
    }
  }
  return null;
}
