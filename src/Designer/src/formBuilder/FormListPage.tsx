import { Link } from 'react-router';
import { formatUpdatedAt, statusLabel, versionLabel } from '../api/definitions';
import { allows } from '../app/permissions';
import { useViewer } from '../app/session';
import { useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { formListQuery, type FormListEntry } from './formApi';
import './formBuilder.css';

/** Every form (its draft, or else its newest version), each opening the builder; designers can create new ones. */
export function FormListPage() {
  const viewer = useViewer();
  const canDesign = allows(viewer, ['DESIGNER']);
  const { state, refetch } = useQuery<{ readonly forms: readonly FormListEntry[] }>(formListQuery);
  const create = canDesign ? (
    <Link className="button button--primary" to="/forms/new">
      New form
    </Link>
  ) : null;

  return (
    <section className="panel" aria-label="Forms list" aria-busy={state.status === 'loading'}>
      <div className="fb-list__head">
        <p className="muted">Open a form to edit it in the builder, preview it and publish it.</p>
        {create}
      </div>
      {state.status === 'loading' ? (
        <div className="skeleton" role="status">
          <span className="visually-hidden">Loading forms…</span>
          <div className="skeleton__row" />
          <div className="skeleton__row" />
        </div>
      ) : null}
      {state.status === 'error' ? (
        <StateMessage tone="error" title="Could not load forms" action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
          <p>{state.message}</p>
        </StateMessage>
      ) : null}
      {state.status === 'ready' && state.data.forms.length === 0 ? (
        <StateMessage tone="neutral" title="No forms yet">
          <p>Forms collect the data a process step needs. {canDesign ? 'Create the first one with "New form".' : 'A designer creates them.'}</p>
        </StateMessage>
      ) : null}
      {state.status === 'ready' && state.data.forms.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">All forms</caption>
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
              {state.data.forms.map((form) => (
                <tr key={form.key}>
                  <td>
                    <Link className="cell-title" to={`/forms/${form.key}`}>
                      {form.name || form.key}
                    </Link>
                    <span className="cell-sub mono">{form.key}</span>
                  </td>
                  <td className="num">{versionLabel(form.version)}</td>
                  <td>
                    <span className={`badge badge--${statusLabel(form.status).replace(/\s+/g, '-')}`}>{statusLabel(form.status)}</span>
                  </td>
                  <td>{formatUpdatedAt(form.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
