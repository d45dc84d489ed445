import { useId } from 'react';
import type { ActionJson, ConditionJson, RuleJson, RuleSetJson } from '../processes/definitionTypes';
import { CodeEditor } from '../components/CodeEditor';
import type { FieldChoice } from './fieldPaths';
import {
  actionTypes,
  addAction,
  addCondition,
  conditionFacts,
  formatConditionValue,
  isStructured,
  operators,
  parseConditionValue,
  removeAction,
  removeCondition,
  ruleEvents,
  setAction,
  setCondition,
  setEnabled,
  structuredToExpression,
  updateRule,
} from './ruleSetEditing';

interface RuleDetailProps {
  readonly ruleSet: RuleSetJson;
  readonly index: number;
  readonly steps: readonly string[];
  readonly fields: readonly FieldChoice[];
  readonly problems: readonly string[];
  readonly readOnly: boolean;
  readonly onChange: (ruleSet: RuleSetJson) => void;
}

/** One rule's properties: name, salience, event, steps, enabled, the condition builder and the actions. */
export function RuleDetail({ ruleSet, index, steps, fields, problems, readOnly, onChange }: RuleDetailProps) {
  const rule = ruleSet.rules?.[index];
  const id = useId();
  if (!rule) {
    return null;
  }
  const change = (patch: Partial<RuleJson>) => onChange(updateRule(ruleSet, index, patch));

  return (
    <section className="panel panel--padded stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Rule {rule.name}
      </h2>
      {problems.length > 0 ? (
        <ul className="editor-problems" aria-label={`Problems of rule ${rule.name}`}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <fieldset className="editor-form" disabled={readOnly}>
        <legend className="visually-hidden">Rule properties</legend>
        <label>
          Name
          <input className="input" value={rule.name} onChange={(event) => change({ name: event.target.value })} />
        </label>
        <label>
          Description
          <input className="input" value={rule.description ?? ''} onChange={(event) => change({ description: event.target.value })} />
        </label>
        <label>
          Salience (higher fires first)
          <input
            className="input"
            type="number"
            min={-10000}
            max={10000}
            value={rule.salience ?? 0}
            onChange={(event) => change({ salience: Number(event.target.value) })}
          />
        </label>
        <label>
          Event
          <select className="input" value={rule.on ?? 'taskCompleted'} onChange={(event) => change({ on: event.target.value })}>
            {ruleEvents.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={rule.disabled !== true} onChange={(event) => onChange(setEnabled(ruleSet, index, event.target.checked))} /> Enabled
        </label>
        {steps.length > 0 ? (
          <fieldset>
            <legend>Only when leaving these steps (none ticked: any step)</legend>
            {steps.map((step) => (
              <label key={step} className="checkbox">
                <input
                  type="checkbox"
                  checked={(rule.steps ?? []).includes(step)}
                  onChange={(event) =>
                    change({ steps: event.target.checked ? [...(rule.steps ?? []), step] : (rule.steps ?? []).filter((s) => s !== step) })
                  }
                />{' '}
                {step}
              </label>
            ))}
          </fieldset>
        ) : null}
      </fieldset>

      <fieldset className="editor-form" disabled={readOnly}>
        <legend>When (all must hold)</legend>
        <datalist id={`${id}-fields`}>
          {fields.map((field) => (
            <option key={field.path} value={field.path}>
              {field.label} ({field.form})
            </option>
          ))}
        </datalist>
        {(rule.when ?? []).length === 0 ? <p className="muted">No conditions: the rule always matches.</p> : null}
        {(rule.when ?? []).map((condition, conditionIndex) => (
          <ConditionRow
            key={conditionIndex}
            condition={condition}
            label={`Condition ${conditionIndex + 1}`}
            fieldsList={`${id}-fields`}
            onChange={(next) => onChange(setCondition(ruleSet, index, conditionIndex, next))}
            onRemove={() => onChange(removeCondition(ruleSet, index, conditionIndex))}
          />
        ))}
        <div className="row">
          <button type="button" className="button" onClick={() => onChange(addCondition(ruleSet, index))}>
            Add condition
          </button>
          <button type="button" className="button" onClick={() => onChange(addCondition(ruleSet, index, { expression: '' }))}>
            Add expression condition
          </button>
        </div>
      </fieldset>

      <fieldset className="editor-form" disabled={readOnly}>
        <legend>Then</legend>
        {rule.then.map((action, actionIndex) => (
          <ActionRow
            key={actionIndex}
            action={action}
            label={`Action ${actionIndex + 1}`}
            steps={steps}
            onChange={(next) => onChange(setAction(ruleSet, index, actionIndex, next))}
            onRemove={() => onChange(removeAction(ruleSet, index, actionIndex))}
          />
        ))}
        <button type="button" className="button" onClick={() => onChange(addAction(ruleSet, index, { type: 'setData', path: '', value: '' }))}>
          Add action
        </button>
      </fieldset>
    </section>
  );
}

function ConditionRow({
  condition,
  label,
  fieldsList,
  onChange,
  onRemove,
}: {
  readonly condition: ConditionJson;
  readonly label: string;
  readonly fieldsList: string;
  readonly onChange: (condition: ConditionJson) => void;
  readonly onRemove: () => void;
}) {
  const structured = isStructured(condition);
  if (!structured && condition.expression === undefined) {
    return (
      <div className="condition" role="group" aria-label={label}>
        <code className="code">{JSON.stringify(condition)}</code>
        <p className="muted">A not/exists condition: edit it in the rule set's JSON.</p>
        <button type="button" className="button" onClick={onRemove}>
          Remove {label.toLowerCase()}
        </button>
      </div>
    );
  }
  const op = condition.op ?? '==';
  const toExpression = () => onChange({ expression: structuredToExpression(condition) ?? '' });
  return (
    <div className="condition" role="group" aria-label={label}>
      {structured ? (
        <div className="condition__fields">
          <label>
            Fact
            <select className="input" value={condition.fact ?? 'data'} onChange={(event) => onChange({ ...condition, fact: event.target.value })}>
              {conditionFacts.map((fact) => (
                <option key={fact} value={fact}>
                  {fact}
                </option>
              ))}
            </select>
          </label>
          <label>
            Field
            <input className="input" list={(condition.fact ?? 'data') === 'data' ? fieldsList : undefined} value={condition.path ?? ''} onChange={(event) => onChange({ ...condition, path: event.target.value })} />
          </label>
          <label>
            Operator
            <select className="input" value={op} onChange={(event) => onChange({ ...condition, op: event.target.value })}>
              {operators.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {op === 'isEmpty' || op === 'isNotEmpty' ? null : (
            <label>
              Value
              <input className="input" value={formatConditionValue(condition.value)} onChange={(event) => onChange({ ...condition, value: parseConditionValue(op, event.target.value) })} />
            </label>
          )}
        </div>
      ) : (
        <CodeEditor name={{ label: `${label} expression` }} value={condition.expression ?? ''} onChange={(expression) => onChange({ expression })} />
      )}
      <div className="row">
        {structured ? (
          <button type="button" className="button" onClick={toExpression}>
            Use an expression
          </button>
        ) : (
          <button type="button" className="button" onClick={() => onChange({ path: '', op: '==', value: '' })}>
            Use a field test
          </button>
        )}
        <button type="button" className="button" onClick={onRemove}>
          Remove {label.toLowerCase()}
        </button>
      </div>
    </div>
  );
}

function ActionRow({
  action,
  label,
  steps,
  onChange,
  onRemove,
}: {
  readonly action: ActionJson;
  readonly label: string;
  readonly steps: readonly string[];
  readonly onChange: (action: ActionJson) => void;
  readonly onRemove: () => void;
}) {
  const text = (name: keyof ActionJson, title: string) => (
    <label>
      {title}
      <input className="input" value={String(action[name] ?? '')} onChange={(event) => onChange({ ...action, [name]: event.target.value })} />
    </label>
  );
  return (
    <div className="condition" role="group" aria-label={label}>
      <div className="condition__fields">
        <label>
          Action
          <select className="input" value={action.type} onChange={(event) => onChange(blankAction(event.target.value))}>
            {actionTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        {action.type === 'goTo' ? (
          <label>
            Go to step
            <select className="input" value={action.step ?? ''} onChange={(event) => onChange({ ...action, step: event.target.value })}>
              <option value="">Choose a step…</option>
              {[...new Set([...steps, ...(action.step ? [action.step] : [])])].map((step) => (
                <option key={step} value={step}>
                  {step}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {action.type === 'setData' ? (
          <>
            {text('path', 'Field')}
            <label>
              Value
              <input className="input" value={formatConditionValue(action.value)} onChange={(event) => onChange({ ...action, value: parseConditionValue('==', event.target.value) })} />
            </label>
          </>
        ) : null}
        {action.type === 'raiseException' ? (
          <>
            {text('code', 'Code')}
            {text('message', 'Message')}
            <label>
              Severity
              <select className="input" value={action.severity ?? 'error'} onChange={(event) => onChange({ ...action, severity: event.target.value })}>
                <option value="info">info</option>
                <option value="warning">warning</option>
                <option value="error">error</option>
              </select>
            </label>
          </>
        ) : null}
        {action.type === 'resolveException' ? text('code', 'Code') : null}
        {action.type === 'assign' || action.type === 'notify' ? (
          <label>
            Role
            <input className="input" value={action.assignee?.role ?? ''} onChange={(event) => onChange({ ...action, assignee: { role: event.target.value } })} />
          </label>
        ) : null}
        {action.type === 'notify' ? text('message', 'Message') : null}
      </div>
      <button type="button" className="button" onClick={onRemove}>
        Remove {label.toLowerCase()}
      </button>
    </div>
  );
}

function blankAction(type: string): ActionJson {
  switch (type) {
    case 'goTo':
      return { type, step: '' };
    case 'setData':
      return { type, path: '', value: '' };
    case 'raiseException':
      return { type, code: '', message: '', severity: 'error' };
    case 'resolveException':
      return { type, code: '' };
    case 'assign':
      return { type, assignee: { role: '' } };
    default:
      return { type, assignee: { role: '' }, message: '' };
  }
}
