import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import type { ProcessJson, RuleSetJson } from '../processes/definitionTypes';
import { ProcessGraph } from '../processes/ProcessGraph';
import { buildProcessGraph } from '../processes/processGraph';
import { formatDuration } from './format';
import { buildOverlay, type OverlayEdge, type OverlayStep } from './overlay';
import { overlayRuleSetQuery } from './queries';
import type { ConformanceReport, ProcessMetrics } from './types';

type Selection = { readonly kind: 'step'; readonly step: OverlayStep } | { readonly kind: 'edge'; readonly edge: OverlayEdge } | null;

interface RuleSetAnswer {
  readonly ruleSet: { readonly body: unknown } | null;
}

/**
 * The process graph as it ran: the designed graph (the editor's layout) with step heat by median waiting time, edges as
 * wide as they were taken, designed edges nothing took muted, and the transitions the design lacks added dashed. Every
 * step and edge is clickable (or Enter on it) for its figures and example instances.
 */
export function ProcessOverlay({ process, metrics, report }: { readonly process: ProcessJson; readonly metrics: ProcessMetrics; readonly report: ConformanceReport }) {
  const ruleSetKey = report.ruleSetKey;
  const rules = useQuery<RuleSetAnswer>(overlayRuleSetQuery, { key: ruleSetKey ?? '', version: report.baselineRuleSetVersion }, { skip: ruleSetKey === null });
  const ruleSet = rules.state.status === 'ready' ? ((rules.state.data.ruleSet?.body as RuleSetJson | undefined) ?? null) : null;
  const model = useMemo(() => buildProcessGraph(process, ruleSet), [process, ruleSet]);
  const overlay = useMemo(() => buildOverlay(model, metrics, report), [model, metrics, report]);
  const [selection, setSelection] = useState<Selection>(null);
  const graphOverlay = useMemo(
    () => ({
      ...overlay.graph,
      onSelectEdge: (id: string) => {
        const edge = overlay.edges.get(id);
        setSelection(edge ? { kind: 'edge', edge } : null);
      },
    }),
    [overlay],
  );

  if (ruleSetKey !== null && rules.state.status === 'loading') {
    return <StateMessage tone="info" title="Loading the rule set that routes this process…" />;
  }

  return (
    <>
      <ul className="analytics-legend">
        <li>
          <span className="analytics-legend__heat" aria-hidden="true" />
          Strip on a step: median waiting time
        </li>
        <li>
          <span className="analytics-legend__swatch" aria-hidden="true" />
          Designed transition, width by times taken
        </li>
        <li>
          <span className="analytics-legend__swatch analytics-legend__swatch--dashed" aria-hidden="true" />
          Not designed (workaround)
        </li>
        <li>
          <span className="analytics-legend__swatch analytics-legend__swatch--dead" aria-hidden="true" />
          Designed, never taken
        </li>
      </ul>
      {rules.state.status === 'error' ? (
        <p className="muted" role="status">
          The rule set {ruleSetKey} could not be read ({rules.state.message}); routes its rules take are drawn as taken transitions.
        </p>
      ) : null}
      <div className="analytics-overlay__body">
        <div>
          <ProcessGraph
            process={process}
            ruleSet={ruleSet}
            overlay={graphOverlay}
            selectedStep={selection?.kind === 'step' ? selection.step.id : null}
            onSelectStep={(id) => {
              const step = id === null ? undefined : overlay.steps.get(id);
              setSelection(step ? { kind: 'step', step } : null);
            }}
            label={`Process graph as it ran: ${model.nodes.length} steps, ${overlay.workarounds} transitions outside the design. Tab to a step or transition and press Enter for its figures and example instances.`}
            direction="DOWN"
            height={720}
          />
          {overlay.outside.length > 0 ? (
            <section className="analytics-outside" aria-label="Transitions between steps the current version does not have">
              <h3>Taken between steps the current version does not have</h3>
              <ul>
                {overlay.outside.map((edge) => (
                  <li key={edge.id}>
                    <button type="button" className="analytics-link-button" onClick={() => setSelection({ kind: 'edge', edge })}>
                      {edge.from} → {edge.to}
                    </button>{' '}
                    {edge.count.toLocaleString('en')} times{edge.designed ? '' : ', not designed'}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <Detail selection={selection} metrics={metrics} />
      </div>
    </>
  );
}

function Detail({ selection, metrics }: { readonly selection: Selection; readonly metrics: ProcessMetrics }) {
  if (!selection) {
    return (
      <aside className="analytics-detail" aria-live="polite" aria-label="Selected step or transition">
        <p>Select a step or a transition (click, or Tab to it and press Enter) to see its figures and example instances.</p>
      </aside>
    );
  }
  if (selection.kind === 'step') {
    const s = selection.step;
    const figures = metrics.steps.find((m) => m.stepKey === s.id);
    return (
      <aside className="analytics-detail" aria-live="polite" aria-label="Selected step or transition">
        <h3>{s.id}</h3>
        {figures ? (
          <ul>
            <li>Median waiting: {formatDuration(s.waitingP50Ms)}</li>
            <li>Median working: {formatDuration(figures.working.p50Ms)}</li>
            <li>
              Tasks created {figures.tasksCreated.toLocaleString('en')}, completed {figures.tasksCompleted.toLocaleString('en')}, open {figures.workInProgress.toLocaleString('en')}
            </li>
            <li>SLA breaches {figures.slaBreaches.toLocaleString('en')}, rework {figures.rework.toLocaleString('en')}</li>
          </ul>
        ) : (
          <p>No tasks at this step in the window.</p>
        )}
        <Examples ids={s.examples} none="No example instance: no transition outside the design touches this step." />
      </aside>
    );
  }
  const e = selection.edge;
  return (
    <aside className="analytics-detail" aria-live="polite" aria-label="Selected step or transition">
      <h3>
        {e.from} → {e.to}
      </h3>
      <p>{e.dead ? 'Designed, never taken in this window.' : `${e.count.toLocaleString('en')} times${e.designed ? '' : ', not in the design'}.`}</p>
      {e.drivers.length > 0 ? (
        <>
          <p>Decided by:</p>
          <ul>
            {e.drivers.map((d) => (
              <li key={`${d.source}-${d.rule ?? ''}-${d.ruleSetVersion ?? ''}`}>
                {d.source}
                {d.rule ? ` ${d.rule}` : ''}
                {d.ruleSetVersion ? ` (rule set v${d.ruleSetVersion})` : ''}: {d.count.toLocaleString('en')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Examples ids={e.examples} none={e.designed ? 'Example instances are listed for transitions outside the design.' : 'No example instance.'} />
    </aside>
  );
}

function Examples({ ids, none }: { readonly ids: readonly string[]; readonly none: string }) {
  if (ids.length === 0) {
    return <p>{none}</p>;
  }
  return (
    <>
      <p>Example instances:</p>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <Link to={`/instances/${encodeURIComponent(id)}`}>
              <code>{id}</code>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
