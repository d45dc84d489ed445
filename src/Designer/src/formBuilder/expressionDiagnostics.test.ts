import { describe, expect, it } from 'vitest';
import { closest, expressionDiagnostics, offsetOf } from './expressionDiagnostics';
import type { ExpressionOutcome } from './formApi';

function outcome(partial: Partial<ExpressionOutcome>): ExpressionOutcome {
  return { ok: true, value: null, kind: 'NULL', error: null, variables: [], ...partial };
}

describe('expression diagnostics', () => {
  it('underlines every use of a name that is not a field, suggesting the closest one', () => {
    const text = 'amout > 10 && amout < 100 && row.amout > 0';

    expect(expressionDiagnostics(text, outcome({ variables: ['amout', 'row'] }), ['amount', 'row'])).toEqual([
      { from: 0, to: 5, severity: 'error', message: "'amout' is not a field of this form. Did you mean 'amount'?" },
      { from: 14, to: 19, severity: 'error', message: "'amout' is not a field of this form. Did you mean 'amount'?" },
    ]);
  });

  it('underlines a syntax error where the sandbox reports it', () => {
    const error = { code: 'SYNTAX', message: 'Unexpected token.', hint: 'Close the parenthesis.', line: 2, column: 3 };

    expect(expressionDiagnostics('a +\n(b c', outcome({ ok: false, error }), ['a', 'b', 'c'])).toEqual([
      { from: 6, to: 7, severity: 'error', message: 'Unexpected token. Close the parenthesis.' },
    ]);
  });

  it('leaves run-time errors, which depend on the sample data, to the try-it box', () => {
    const error = { code: 'RUNTIME', message: 'Cannot read properties of null.', hint: null, line: 1, column: 1 };

    expect(expressionDiagnostics('name.length > 2', outcome({ ok: false, error, variables: ['name'] }), ['name'])).toEqual([]);
  });

  it('finds offsets and close names', () => {
    expect(offsetOf('ab\ncd', 2, 2)).toBe(4);
    expect(offsetOf('ab', 5, 1)).toBe(2);
    expect(closest('totl', ['total', 'lines'])).toBe('total');
    expect(closest('xyz', ['total'])).toBeNull();
  });
});
