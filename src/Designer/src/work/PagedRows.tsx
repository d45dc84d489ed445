import type { ReactNode } from 'react';
import type { QueryResult } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import type { Connection } from './workApi';

export interface PagedRowsProps<T> {
  readonly result: QueryResult<unknown>;
  /** The page, once the query answered (null when the answer holds none). */
  readonly connection: Connection<T> | null;
  readonly columns: number;
  /** What the rows are, singular and plural: "task", "tasks". */
  readonly noun: readonly [singular: string, plural: string];
  /** Whether this is the list's first page (it alone says the list is empty) and its last (it alone offers more). */
  readonly first: boolean;
  readonly last: boolean;
  readonly empty: { readonly title: string; readonly text: string };
  readonly onMore: (cursor: string) => void;
  readonly children: (nodes: readonly T[]) => ReactNode;
}

/**
 * One page of a server-paged table (tasks, instances) as a tbody: loading, error with a retry, empty, the rows, and
 * after the last page the total with "Show more" while the server has more.
 */
export function PagedRows<T>({ result, connection, columns, noun, first, last, empty, onMore, children }: PagedRowsProps<T>) {
  if (result.state.status !== 'ready') {
    return (
      <tbody>
        <tr>
          {result.state.status === 'loading' ? (
            <td colSpan={columns} role="status" className="muted">
              Loading {noun[1]}…
            </td>
          ) : (
            <td colSpan={columns}>
              <StateMessage
                tone="error"
                title={`The ${noun[1]} could not be loaded`}
                action={
                  <button type="button" className="button" onClick={result.refetch}>
                    Try again
                  </button>
                }
              >
                <p>{result.state.message}</p>
              </StateMessage>
            </td>
          )}
        </tr>
      </tbody>
    );
  }
  const nodes = connection?.nodes ?? [];
  const cursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  return (
    <tbody>
      {first && nodes.length === 0 ? (
        <tr>
          <td colSpan={columns}>
            <StateMessage tone="neutral" title={empty.title}>
              <p>{empty.text}</p>
            </StateMessage>
          </td>
        </tr>
      ) : null}
      {children(nodes)}
      {last ? (
        <tr>
          <td colSpan={columns} className="muted">
            {connection ? `${connection.totalCount} ${connection.totalCount === 1 ? noun[0] : noun[1]} in all.` : ''}{' '}
            {cursor ? (
              <button type="button" className="button" onClick={() => onMore(cursor)}>
                Show more
              </button>
            ) : null}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
