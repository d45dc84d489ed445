import { requestGraphQL } from '../api/graphqlRequest';
import { mutate, type MutationResult } from '../app/useQuery';

/** One stored version of a form, as the builder loads it. */
export interface StoredForm {
  readonly key: string;
  readonly version: number;
  readonly status: string;
  readonly name: string;
  readonly etag: string;
  readonly body: unknown;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

export interface DefinitionPayload {
  readonly definition: StoredForm | null;
  readonly error: { readonly kind: 'NOT_FOUND' | 'CONFLICT' | 'INVALID'; readonly message: string } | null;
  readonly problems: readonly DefinitionProblem[];
  readonly warnings: readonly DefinitionProblem[];
  readonly conflict: { readonly currentEtag: string | null } | null;
}

const storedFields = 'key version status name etag body updatedBy updatedAt';
const payloadFields = `definition { ... on Form { ${storedFields} } } error { kind message } problems { path message code } warnings { path message code } conflict { currentEtag }`;

/** The draft (version 0) and the latest published version of a form; either may be null. */
export const formForBuilderQuery = `query FormForBuilder($key: ID!) {
  draft: form(key: $key, version: 0) { ${storedFields} }
  latest: form(key: $key) { ${storedFields} }
}`;

export interface FormForBuilder {
  readonly draft: StoredForm | null;
  readonly latest: StoredForm | null;
}

export const formListQuery = 'query FormBuilderList { forms { key name version status updatedAt updatedBy } }';

export interface FormListEntry {
  readonly key: string;
  readonly name: string;
  readonly version: number;
  readonly status: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export const historyQuery = `query FormHistory($key: ID!) {
  definitionHistory(kind: FORM, key: $key) { version status etag body updatedBy updatedAt publishedAt }
}`;

export interface HistoryEntry {
  readonly version: number;
  readonly status: string;
  readonly body: unknown;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly publishedAt: string | null;
}

/** Saves the draft; without an etag it creates it (and conflicts when a draft already exists). */
export function saveDraft(key: string, definition: unknown, etag: string | null): Promise<MutationResult<{ readonly saveDraft: DefinitionPayload }>> {
  return mutate(
    `mutation SaveFormDraft($key: ID!, $definition: JSON!, $etag: String) { saveDraft(kind: FORM, key: $key, definition: $definition, etag: $etag) { ${payloadFields} } }`,
    { key, definition, etag },
  );
}

export function publish(key: string, etag: string | null): Promise<MutationResult<{ readonly publish: DefinitionPayload }>> {
  return mutate(`mutation PublishForm($key: ID!, $etag: String) { publish(kind: FORM, key: $key, etag: $etag) { ${payloadFields} } }`, { key, etag });
}

export interface ExpressionOutcome {
  readonly ok: boolean;
  readonly value: unknown;
  readonly kind: string | null;
  readonly error: { readonly code: string; readonly message: string; readonly hint: string | null; readonly line: number | null; readonly column: number | null } | null;
  readonly variables: readonly string[];
}

export type ExpectedType = 'ANY' | 'BOOLEAN' | 'NUMBER' | 'TEXT' | 'LIST' | 'RECORD';

/** Evaluates an expression in the server's sandbox, exactly as a form would run it, with `data` as the fields in scope. */
export async function evaluateExpression(expression: string, data: unknown, expected: ExpectedType, signal?: AbortSignal): Promise<ExpressionOutcome | { readonly failure: string }> {
  if (signal?.aborted) {
    return { failure: 'cancelled' };
  }
  const result = await mutate<{ readonly evaluateExpression: ExpressionOutcome }>(
    `query TryExpression($expression: String!, $data: JSON, $expected: ExpressionType) {
      evaluateExpression(expression: $expression, data: $data, expected: $expected) { ok value kind error { code message hint line column } variables }
    }`,
    { expression, data, expected },
  );
  return result.ok ? result.data.evaluateExpression : { failure: result.message };
}

export interface FormEvaluationResult {
  readonly valid: boolean;
  readonly values: Readonly<Record<string, unknown>>;
  readonly fields: readonly { readonly path: string; readonly key: string; readonly visible: boolean; readonly required: boolean; readonly readonly: boolean; readonly value: unknown }[];
  readonly errors: readonly { readonly path: string; readonly code: string; readonly message: string }[];
}

/**
 * The server's verdict on sample data for the form as it is on screen, saved or not: `evaluateFormDraft` reads the
 * metadata as saveDraft would and judges the data with the evaluator a submission goes through. Null when the
 * request was cancelled because newer edits or values superseded it.
 */
export async function evaluateDraft(form: unknown, data: unknown, signal: AbortSignal): Promise<FormEvaluationResult | { readonly error: string; readonly invalidForm: boolean } | null> {
  const outcome = await requestGraphQL<{ readonly evaluateFormDraft: FormEvaluationResult }>(
    `query PreviewForm($form: JSON!, $data: JSON!) { evaluateFormDraft(form: $form, data: $data) { valid values fields { path key visible required readonly value } errors { path code message } } }`,
    { variables: { form, data }, signal },
  );
  switch (outcome.kind) {
    case 'data':
      return outcome.data.evaluateFormDraft;
    case 'aborted':
      return null;
    case 'error':
      return { error: outcome.message, invalidForm: (outcome.codes ?? []).includes('BAD_USER_INPUT') };
    case 'unavailable':
      return { error: outcome.message, invalidForm: false };
  }
}
