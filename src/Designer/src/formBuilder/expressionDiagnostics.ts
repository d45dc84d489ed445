import type { ExpressionOutcome } from './formApi';

/** An underline in an expression: offsets into its text, as CodeMirror's Diagnostic takes them. */
export interface ExpressionDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Errors that are about the text itself, whatever the sample data; run-time errors depend on the data and show in "Try it". */
const textErrors = new Set(['SYNTAX', 'FORBIDDEN', 'TOO_COMPLEX', 'UNSUPPORTED']);

/**
 * What to underline after the server checked an expression: a syntax or forbidden construct at the line and column
 * the sandbox reports, and each use of a name that is not in scope (the server lists the names an expression reads).
 */
export function expressionDiagnostics(text: string, outcome: ExpressionOutcome, names: readonly string[]): ExpressionDiagnostic[] {
  const diagnostics: ExpressionDiagnostic[] = [];
  const error = outcome.error;
  if (error && textErrors.has(error.code)) {
    const from = offsetOf(text, error.line ?? 1, error.column ?? 1);
    const word = /^[\w$]+/.exec(text.slice(from));
    diagnostics.push({ from, to: Math.min(text.length, from + Math.max(1, word?.[0].length ?? 1)), severity: 'error', message: error.hint ? `${error.message} ${error.hint}` : error.message });
  }
  const known = new Set(names);
  for (const variable of outcome.variables) {
    if (known.has(variable)) {
      continue;
    }
    const suggestion = closest(variable, names);
    const message = `'${variable}' is not a field of this form.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`;
    for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${escape(variable)}(?![\\w$])`, 'g'))) {
      diagnostics.push({ from: match.index, to: match.index + variable.length, severity: 'error', message });
    }
  }
  return diagnostics;
}

/** Offset of a 1-based line and column in `text`, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) {
      return text.length;
    }
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/** The name closest to `name` by edit distance, when it is close enough to be a likely typo. */
export function closest(name: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
