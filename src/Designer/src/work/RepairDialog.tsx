import { useEffect, useRef, useState } from 'react';
import { mutate, useQuery } from '../app/useQuery';
import { humanize } from './format';
import { processStepsQuery, repairMutations, type InstanceDetail, type OperationPayload, type RepairOperation } from './workApi';

export const repairTitles: Readonly<Record<RepairOperation, string>> = {
  cancel: 'Cancel the instance',
  retry: 'Retry the failed step',
  resolve: 'Resolve an exception',
  move: 'Move to a step',
  reroute: 'Re-route',
};

const repairHelp: Readonly<Record<RepairOperation, string>> = {
  cancel: 'Stops the instance for good: its open tasks are cancelled.',
  retry: 'Does again what failed at a step with an open error: decides the route again, or enters the step again.',
  resolve: 'Closes the exception; the instance stays where it is.',
  move: 'Cancels the open tasks and enters the chosen step afresh.',
  reroute: 'Decides again where an instance stopped at NO_ROUTE goes, with the rule set published now.',
};

/** A modal dialog for one repair operation, with the reason it always asks for (kept in the timeline with who did it). */
export function RepairDialog({ operation, instance, code, onClose, onDone }: { readonly operation: RepairOperation; readonly instance: InstanceDetail; readonly code?: string; readonly onClose: () => void; readonly onDone: (message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState(operation === 'retry' ? (instance.exceptions.find((exception) => exception.step)?.step ?? '') : '');
  const [exceptionCode, setExceptionCode] = useState(code ?? instance.exceptions[0]?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const steps = useQuery<{ process: { steps: readonly { key: string; name: string | null; type: string }[] } | null }>(processStepsQuery, { key: instance.processKey, version: instance.processVersion }, { skip: operation !== 'move' });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
    }
  }, []);

  const reasonMissing = reason.trim() === '';
  const stepMissing = operation === 'move' && step === '';
  const submit = async () => {
    setTried(true);
    if (reasonMissing || stepMissing) {
      return;
    }
    setBusy(true);
    setFailure(null);
    const variables: Record<string, unknown> = { id: instance.id, reason: reason.trim() };
    if (operation === 'retry' && step) {
      variables['step'] = step;
    }
    if (operation === 'move') {
      variables['step'] = step;
    }
    if (operation === 'resolve') {
      variables['code'] = exceptionCode;
    }
    const result = await mutate<{ result: OperationPayload }>(repairMutations[operation], variables);
    setBusy(false);
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    if (result.data.result.error) {
      setFailure([result.data.result.error.message, ...result.data.result.problems.map((problem) => problem.message)].join(' '));
      return;
    }
    dialog.current?.close();
    onDone(`${repairTitles[operation]}: done.`);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="repair-title" aria-describedby="repair-help" onClose={onClose}>
      <form
        method="dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="repair-title" className="panel__title">
          {repairTitles[operation]}
        </h2>
        <p id="repair-help" className="muted">
          {repairHelp[operation]}
        </p>
        {operation === 'resolve' ? (
          <label className="field">
            <span>Exception</span>
            <select className="input" value={exceptionCode} onChange={(event) => setExceptionCode(event.target.value)}>
              {instance.exceptions.map((exception) => (
                <option key={exception.code} value={exception.code}>
                  {exception.code}: {exception.message}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {operation === 'retry' ? (
          <label className="field">
            <span>Step</span>
            <select className="input" value={step} onChange={(event) => setStep(event.target.value)}>
              <option value="">The one step with an error</option>
              {[...new Set(instance.exceptions.map((exception) => exception.step).filter((key): key is string => !!key))].map((key) => (
                <option key={key} value={key}>
                  {humanize(key)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {operation === 'move' ? (
          <label className="field">
            <span>Step to move to</span>
            <select className="input" value={step} aria-invalid={tried && stepMissing ? true : undefined} aria-describedby={tried && stepMissing ? 'repair-step-error' : undefined} onChange={(event) => setStep(event.target.value)}>
              <option value="">{steps.state.status === 'loading' ? 'Loading the steps…' : 'Choose a step'}</option>
              {steps.state.status === 'ready'
                ? (steps.state.data.process?.steps ?? [])
                    .filter((candidate) => candidate.type !== 'parallelJoin')
                    .map((candidate) => (
                      <option key={candidate.key} value={candidate.key}>
                        {candidate.name ?? humanize(candidate.key)}
                      </option>
                    ))
                : null}
            </select>
            {tried && stepMissing ? (
              <span className="form-field__error" id="repair-step-error">
                Choose the step to move to.
              </span>
            ) : null}
            {steps.state.status === 'error' ? <span className="form-field__error">{steps.state.message}</span> : null}
          </label>
        ) : null}
        <label className="field">
          <span>Reason (required; kept in the timeline)</span>
          <textarea
            className="input"
            rows={3}
            value={reason}
            required
            aria-required="true"
            aria-invalid={tried && reasonMissing ? true : undefined}
            aria-describedby={tried && reasonMissing ? 'repair-reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {tried && reasonMissing ? (
            <span className="form-field__error" id="repair-reason-error">
              Say why, so the next person reading the timeline knows.
            </span>
          ) : null}
        </label>
        {failure ? (
          <p className="form-field__error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Working…' : repairTitles[operation]}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
