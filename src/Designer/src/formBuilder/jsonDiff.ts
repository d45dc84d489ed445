/** One difference between two versions of a definition, shaped like the server's diffDefinitions changes. */
export interface JsonChange {
  /** Where, as a JSON path; list entries with a `key` are named by it: `$.fields[amount].label`. */
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Differences between two JSON values. Lists whose entries all have unique `key`s (fields, validations, options by
 * `value`) are matched by key, so inserting a field shows as one addition rather than every later field changing.
 */
export function diffJson(before: unknown, after: unknown, path = '$'): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    const changes: JsonChange[] = [];
    const names = [...Object.keys(before), ...Object.keys(after).filter((name) => !(name in before))];
    for (const name of names) {
      const child = `${path}.${name}`;
      if (!(name in after)) {
        changes.push({ path: child, change: 'removed', before: before[name] });
      } else if (!(name in before)) {
        changes.push({ path: child, change: 'added', after: after[name] });
      } else {
        changes.push(...diffJson(before[name], after[name], child));
      }
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const identity = identityOf(before) && identityOf(after) === identityOf(before) ? identityOf(before) : null;
    if (identity) {
      return diffKeyedLists(before as Record<string, unknown>[], after as Record<string, unknown>[], identity, path);
    }
    const changes: JsonChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index += 1) {
      const child = `${path}[${index}]`;
      if (index >= after.length) {
        changes.push({ path: child, change: 'removed', before: before[index] });
      } else if (index >= before.length) {
        changes.push({ path: child, change: 'added', after: after[index] });
      } else {
        changes.push(...diffJson(before[index], after[index], child));
      }
    }
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, change: 'changed', before, after }];
}

function diffKeyedLists(before: Record<string, unknown>[], after: Record<string, unknown>[], identity: string, path: string): JsonChange[] {
  const changes: JsonChange[] = [];
  const afterByKey = new Map(after.map((entry) => [String(entry[identity]), entry]));
  const beforeByKey = new Map(before.map((entry) => [String(entry[identity]), entry]));
  for (const entry of before) {
    const key = String(entry[identity]);
    const match = afterByKey.get(key);
    const child = `${path}[${key}]`;
    if (match === undefined) {
      changes.push({ path: child, change: 'removed', before: entry });
    } else {
      changes.push(...diffJson(entry, match, child));
    }
  }
  for (const entry of after) {
    const key = String(entry[identity]);
    if (!beforeByKey.has(key)) {
      changes.push({ path: `${path}[${key}]`, change: 'added', after: entry });
    }
  }
  const beforeOrder = before.map((entry) => String(entry[identity])).filter((key) => afterByKey.has(key));
  const afterOrder = after.map((entry) => String(entry[identity])).filter((key) => beforeByKey.has(key));
  if (beforeOrder.join('\u0000') !== afterOrder.join('\u0000')) {
    changes.push({ path: `${path} (order)`, change: 'changed', before: beforeOrder, after: afterOrder });
  }
  return changes;
}

/** The property that names each entry of a list, when every entry has a unique one. */
function identityOf(list: readonly unknown[]): 'key' | 'value' | null {
  if (list.length === 0) {
    return null;
  }
  for (const identity of ['key', 'value'] as const) {
    const values = list.map((entry) => (isObject(entry) ? entry[identity] : undefined));
    if (values.every((value) => typeof value === 'string') && new Set(values).size === values.length) {
      return identity;
    }
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
