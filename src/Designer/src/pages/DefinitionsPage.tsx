import { StateMessage } from '../components/StateMessage';
import { DefinitionTable } from './DefinitionTable';
import type { DefinitionPageCopy } from './definitionPages';
import { useDefinitions } from './useDefinitions';

export function DefinitionsPage({ copy }: { readonly copy: DefinitionPageCopy }) {
  const { state, reload } = useDefinitions(copy.kind);
  const retry = (
    <button type="button" className="button" onClick={reload}>
      Try again
    </button>
  );

  return (
    <section className="panel" aria-busy={state.status === 'loading'} aria-label={`${copy.plural} list`}>
      {state.status === 'loading' ? (
        <div className="skeleton" role="status">
          <span className="visually-hidden">Loading {copy.plural}…</span>
          <div className="skeleton__row" />
          <div className="skeleton__row" />
          <div className="skeleton__row" />
        </div>
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateMessage tone="neutral" title={`No ${copy.plural} yet`}>
          <p>{copy.emptyHint}</p>
        </StateMessage>
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <DefinitionTable items={state.items} caption={`All ${copy.plural}`} />
      ) : null}
      {state.status === 'unavailable' ? (
        <StateMessage tone="info" title="No definitions yet" action={retry}>
          <p>The definitions API is not available on this server, so there is nothing to list.</p>
          <p className="muted">{state.message}</p>
        </StateMessage>
      ) : null}
      {state.status === 'error' ? (
        <StateMessage tone="error" title={`Could not load ${copy.plural}`} action={retry}>
          <p>{state.message}</p>
          {state.details.length > 1 ? (
            <ul className="details">
              {state.details.map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </StateMessage>
      ) : null}
    </section>
  );
}
