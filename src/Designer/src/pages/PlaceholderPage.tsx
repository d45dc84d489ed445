import { StateMessage } from '../components/StateMessage';
import type { PageId } from '../navigation/navItems';

const copy: Readonly<Partial<Record<PageId, { title: string; body: string }>>> = {
  instances: {
    title: 'No instances yet',
    body: 'Instances appear here once a published process is started, each pinned to the versions it started with.',
  },
  tasks: {
    title: 'No tasks waiting',
    body: 'Form tasks and approvals assigned to people appear here, with their SLA deadlines.',
  },
  analytics: {
    title: 'No process data yet',
    body: 'Cycle times, throughput and conformance are derived from the event log once instances run.',
  },
};

/** Pages of the Operate section, which list runtime data the Api does not expose yet. */
export function PlaceholderPage({ page }: { readonly page: PageId }) {
  const text = copy[page] ?? { title: 'Nothing here yet', body: '' };
  return (
    <section className="panel">
      <StateMessage tone="neutral" title={text.title}>
        {text.body ? <p>{text.body}</p> : null}
      </StateMessage>
    </section>
  );
}
