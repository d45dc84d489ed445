import { useMemo, useState } from 'react';
import type { ProcessJson } from '../processes/definitionTypes';
import { useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { useDefinitions } from '../pages/useDefinitions';
import {
  cycleTimeOption,
  ratesOption,
  ruleFiringsOption,
  stepLoadOption,
  stepTimesOption,
  throughputOption,
  variantsOption,
} from './chartOptions';
import { EChart } from './EChart';
import { formatDuration, formatShare } from './format';
import { ProcessOverlay } from './ProcessOverlay';
import { analyticsQuery, windowOf } from './queries';
import type { AnalyticsAnswer } from './types';
import './analytics.css';

/** Process intelligence for one process over a recent window: charts of its metrics and the graph overlay. */
export function AnalyticsPage() {
  const processes = useDefinitions('process');
  const keys = processes.state.status === 'ready' ? [...new Set(processes.state.items.map((p) => p.key))].sort() : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [days, setDays] = useState(90);
  const [unit, setUnit] = useState<'day' | 'week'>('week');
  const process = chosen ?? keys[0] ?? null;
  const window = useMemo(() => windowOf(new Date(), days), [days]);
  const answer = useQuery<AnalyticsAnswer>(analyticsQuery, { process: process ?? '', key: process ?? '', ...window }, { skip: process === null });

  return (
    <div className="analytics">
      <form className="analytics-toolbar" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Process</span>
          <select className="input" value={process ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={keys.length === 0}>
            {keys.map((key) => (
              <option key={key} value={key}>
                {key}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Window</span>
          <select className="input" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={30}>Last 30 days</option>
            <option value={90}>Last 90 days</option>
            <option value={365}>Last 365 days</option>
          </select>
        </label>
        <label className="field">
          <span>Throughput per</span>
          <select className="input" value={unit} onChange={(e) => setUnit(e.target.value as 'day' | 'week')}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </label>
      </form>
      {processes.state.status === 'ready' && keys.length === 0 ? (
        <StateMessage tone="neutral" title="No process published yet">
          <p>Publish a process and run instances; their figures appear here.</p>
        </StateMessage>
      ) : processes.state.status === 'error' || processes.state.status === 'unavailable' ? (
        <StateMessage tone="error" title="The process list could not be loaded">
          <p>{processes.state.message}</p>
        </StateMessage>
      ) : (
        <Figures answer={answer.state} unit={unit} />
      )}
    </div>
  );
}

function Figures({ answer, unit }: { readonly answer: ReturnType<typeof useQuery<AnalyticsAnswer>>['state']; readonly unit: 'day' | 'week' }) {
  if (answer.status === 'loading') {
    return <StateMessage tone="info" title="Computing the figures from the event log…" />;
  }
  if (answer.status === 'error') {
    return (
      <StateMessage tone="error" title="The figures could not be computed">
        <p>{answer.message}</p>
      </StateMessage>
    );
  }
  const data = answer.data;
  const metrics = data.processMetrics.metrics;
  const report = data.processConformance.report;
  const process = data.process?.body as ProcessJson | undefined;
  const error = data.processMetrics.error ?? data.processConformance.error;
  if (error || !metrics || !report) {
    return (
      <StateMessage tone="error" title="The figures could not be computed">
        <p>{error?.message ?? 'The answer was empty.'}</p>
      </StateMessage>
    );
  }
  if (metrics.started === 0 && metrics.completed === 0 && metrics.workInProgress === 0) {
    return (
      <StateMessage tone="neutral" title="No instances in this window">
        <p>Choose a longer window, or start instances of this process.</p>
      </StateMessage>
    );
  }

  return (
    <>
      <dl className="analytics-kpis">
        <Kpi label="Started" value={metrics.started.toLocaleString('en')} />
        <Kpi label="Completed" value={metrics.completed.toLocaleString('en')} />
        <Kpi label="Work in progress" value={metrics.workInProgress.toLocaleString('en')} />
        <Kpi label="Cycle time p50" value={formatDuration(metrics.cycleTime.p50Ms)} />
        <Kpi label="SLA breach rate" value={formatShare(metrics.slaBreachRate)} />
        <Kpi label="Rework instances" value={metrics.reworkInstances.toLocaleString('en')} />
        <Kpi label="Fit the design" value={formatShare(report.fitness)} />
      </dl>
      <section className="panel analytics-overlay" aria-labelledby="analytics-graph">
        <h2 id="analytics-graph">Process graph as it ran</h2>
        {process && Array.isArray(process.steps) ? (
          <ProcessOverlay process={process} metrics={metrics} report={report} />
        ) : (
          <StateMessage tone="neutral" title="No published version of this process to draw">
            <p>Publish the process to see its graph with the figures of its instances.</p>
          </StateMessage>
        )}
      </section>
      <div className="analytics-grid">
        <Chart title={unit === 'day' ? 'Throughput per day' : 'Throughput per week'} option={throughputOption(unit === 'day' ? metrics.throughputPerDay : metrics.throughputPerWeek, unit)} />
        <Chart title="Cycle time" option={cycleTimeOption(metrics)} empty={metrics.cycleTime.count === 0 ? 'No instance completed in this window, so there is no cycle time yet.' : null} />
        <Chart title="Waiting and working per step" option={stepTimesOption(metrics)} />
        <Chart title="Work in progress, SLA breaches and rework per step" option={stepLoadOption(metrics)} />
        <Chart title="SLA breach and exception rates" option={ratesOption(metrics)} />
        <section className="panel" aria-labelledby="analytics-variants">
          <h2 id="analytics-variants">Path variants</h2>
          {metrics.variants.length === 0 ? (
            <p className="analytics-empty" role="status">
              No instance completed in this window, so there are no paths to compare yet.
            </p>
          ) : (
            <>
              <EChart option={variantsOption(metrics)} label="Most frequent paths by instances" />
              <ol className="analytics-variants">
                {metrics.variants.map((v) => (
                  <li key={v.steps.join('>')}>
                    {v.steps.join(' → ')} — {v.instances.toLocaleString('en')} ({formatShare(v.share)}), median {formatDuration(v.medianCycleTimeMs)}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
        <Chart title="Rule firings" option={ruleFiringsOption(report)} empty={report.ruleFirings.length === 0 ? 'No rule fired in the decisions of this window.' : null} />
      </div>
    </>
  );
}

function Kpi({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div className="analytics-kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Chart({ title, option, empty = null }: { readonly title: string; readonly option: Parameters<typeof EChart>[0]['option']; readonly empty?: string | null }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {empty ? (
        <p className="analytics-empty" role="status">
          {empty}
        </p>
      ) : (
        <EChart option={option} label={title} />
      )}
    </section>
  );
}
