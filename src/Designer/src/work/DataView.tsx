import { humanize } from './format';

/**
 * Shows instance data read-only for the person deciding on it: values as a list of labelled entries, a list of
 * objects (a claim's lines) as a table, nested objects as their own list.
 */
export function DataView({ data, label }: { readonly data: unknown; readonly label: string }) {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return <p className="muted">No data.</p>;
  }
  const entries = Object.entries(data as Record<string, unknown>).filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (entries.length === 0) {
    return <p className="muted">No data yet.</p>;
  }
  return (
    <dl className="data-view" title={label}>
      {entries.map(([key, value]) => (
        <div className="data-view__entry" key={key}>
          <dt>{humanize(key)}</dt>
          <dd>
            <Value value={value} name={humanize(key)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ value, name }: { readonly value: unknown; readonly name: string }) {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      const columns = [...new Set(value.flatMap((item) => Object.keys(item as Record<string, unknown>)))];
      return (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={name}>
          <table className="table data-view__table">
            <caption className="visually-hidden">{name}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {humanize(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {value.map((row, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column}>{text((row as Record<string, unknown>)[column])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    return <>{value.map(text).join(', ')}</>;
  }
  if (value !== null && typeof value === 'object') {
    return <DataView data={value} label={name} />;
  }
  return <>{text(value)}</>;
}

function text(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}
