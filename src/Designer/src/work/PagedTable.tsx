import { Fragment, useState, type ReactNode } from 'react';

/** Where one page of the list starts, and what it needs to say about its place in the list. */
export interface PageSlot {
  readonly after: string | null;
  /** The first page alone says the list is empty; the last alone offers more. */
  readonly first: boolean;
  readonly last: boolean;
  readonly onMore: (cursor: string) => void;
}

export interface PagedTableProps {
  /** The list's name: its region's label and its table's caption. */
  readonly label: string;
  /** The column headers; a header that shows nothing still names its column for screen readers. */
  readonly headers: readonly ReactNode[];
  /** Changes when the list must start again from its first page (other filters, a refresh). */
  readonly resetKey: string;
  /** One page of rows as a tbody (PagedRows). */
  readonly page: (slot: PageSlot) => ReactNode;
}

/** A table of a server-paged list (tasks, instances): the pages loaded so far, one after another, each by its cursor. */
export function PagedTable({ label, headers, resetKey, page }: PagedTableProps) {
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly cursors: readonly (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = loaded.key === resetKey ? loaded.cursors : [null];
  return (
    <section className="panel" aria-label={label}>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              {headers.map((header, index) => (
                <th scope="col" key={index}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <Fragment key={`${resetKey}-${after ?? 'first'}`}>
              {page({ after, first: index === 0, last: index === cursors.length - 1, onMore: (cursor) => setLoaded({ key: resetKey, cursors: [...cursors, cursor] }) })}
            </Fragment>
          ))}
        </table>
      </div>
    </section>
  );
}
