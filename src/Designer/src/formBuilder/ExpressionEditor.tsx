import { linter, type Diagnostic } from '@codemirror/lint';
import { useId, useRef, useState } from 'react';
import { CodeEditor } from '../components/CodeEditor';
import { expressionDiagnostics } from './expressionDiagnostics';
import { evaluateExpression, type ExpectedType, type ExpressionOutcome } from './formApi';

export interface ExpressionEditorProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The names in scope where the expression runs (the form's field keys). */
  readonly names: readonly string[];
  readonly expected: ExpectedType;
  /** Sample data for "Try it": the preview's data, so what was typed there is what the expression sees. */
  readonly sampleData: Readonly<Record<string, unknown>>;
  readonly hint?: string;
  /** Problems the server reported for this expression on the last save. */
  readonly problems?: readonly string[];
}

/**
 * A one-expression CodeMirror 6 editor. As you type, the server's sandbox checks the expression
 * (`evaluateExpression`): syntax errors and names that are not fields are underlined where they are.
 */
export function ExpressionEditor({ label, value, onChange, names, expected, sampleData, hint, problems = [] }: ExpressionEditorProps) {
  const latestNames = useRef(names);
  latestNames.current = names;
  const [findings, setFindings] = useState<readonly string[]>([]);
  const labelId = useId();
  const hintId = useId();
  // Made once: the editor reads its extensions when it is created, and the linter reads the names through a ref.
  const [serverCheck] = useState(() =>
    linter(
      async (current): Promise<Diagnostic[]> => {
        const text = current.state.doc.toString();
        if (text.trim() === '') {
          setFindings([]);
          return [];
        }
        const data = Object.fromEntries(latestNames.current.map((name) => [name, null]));
        const outcome = await evaluateExpression(text, data, 'ANY');
        if ('failure' in outcome || current.state.doc.toString() !== text) {
          return [];
        }
        const diagnostics = expressionDiagnostics(text, outcome, latestNames.current);
        // Underlines are invisible to screen readers, so the same findings are also written out below the editor.
        setFindings([...new Set(diagnostics.map((diagnostic) => diagnostic.message))]);
        return diagnostics.map((diagnostic) => ({ ...diagnostic, source: 'server' }));
      },
      { delay: 300 },
    ),
  );

  return (
    <div className="field expression">
      <span className="field__label" id={labelId}>
        {label}
      </span>
      <CodeEditor value={value} onChange={onChange} name={{ labelledBy: labelId }} describedBy={hintId} extensions={[serverCheck]} testId={`expression-${label}`} />
      <span className="field__hint" id={hintId}>
        {hint ?? 'A JavaScript expression; field keys are variables.'}
      </span>
      <div aria-live="polite">
        {findings.map((finding) => (
          <p className="field__error" key={finding}>
            {finding}
          </p>
        ))}
      </div>
      {problems.map((problem, index) => (
        <p className="field__error" key={index}>
          {problem}
        </p>
      ))}
      <TryIt expression={value} expected={expected} sampleData={sampleData} label={label} />
    </div>
  );
}

function TryIt({ expression, expected, sampleData, label }: { readonly expression: string; readonly expected: ExpectedType; readonly sampleData: Readonly<Record<string, unknown>>; readonly label: string }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState('');
  const [result, setResult] = useState<ExpressionOutcome | { readonly failure: string } | null>(null);
  const [running, setRunning] = useState(false);
  const dataId = useId();

  const run = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data === '' ? JSON.stringify(sampleData) : data);
    } catch (error) {
      setResult({ failure: `The sample data is not JSON: ${(error as Error).message}` });
      return;
    }
    setRunning(true);
    setResult(await evaluateExpression(expression, parsed, expected));
    setRunning(false);
  };

  if (!open) {
    return (
      <button
        type="button"
        className="button button--quiet tryit__toggle"
        onClick={() => {
          setData(JSON.stringify(sampleData, null, 2));
          setOpen(true);
        }}
      >
        Try {label.toLowerCase()}
      </button>
    );
  }
  return (
    <div className="tryit">
      <label className="field__label" htmlFor={dataId}>
        Sample data for {label.toLowerCase()} (JSON)
      </label>
      <textarea id={dataId} className="textarea mono" rows={3} value={data} onChange={(event) => setData(event.target.value)} />
      <div className="row">
        <button type="button" className="button" onClick={() => void run()} disabled={running || expression.trim() === ''}>
          Run
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      <output className="tryit__result" aria-live="polite">
        {result === null ? null : 'failure' in result ? (
          <span className="field__error">{result.failure}</span>
        ) : result.ok ? (
          <span>
            Result: <code>{JSON.stringify(result.value)}</code> ({result.kind?.toLowerCase()})
          </span>
        ) : (
          <span className="field__error">
            {result.error?.code}: {result.error?.message}
            {result.error?.hint ? ` ${result.error.hint}` : ''}
          </span>
        )}
      </output>
    </div>
  );
}
