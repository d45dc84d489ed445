import { formatUpdatedAt, statusLabel, versionLabel, type DefinitionSummary } from '../api/definitions';

export function DefinitionTable({ items, caption }: { readonly items: readonly DefinitionSummary[]; readonly caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">Status</th>
            <th scope="col">Last updated</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.key}@${item.version ?? 'draft'}`}>
              <td>
                <span className="cell-title">{item.name ?? item.key}</span>
                <span className="cell-sub mono">{item.key}</span>
              </td>
              <td className="num">{versionLabel(item.version)}</td>
              <td>
                <span className={`badge badge--${statusLabel(item.status).replace(/\s+/g, '-')}`}>{statusLabel(item.status)}</span>
              </td>
              <td>{formatUpdatedAt(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
