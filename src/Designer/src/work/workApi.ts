import type { FieldError, FormEvaluation } from '../formRenderer/formState';

/** The GraphQL documents and result shapes the work pages use (src/Api/GraphQL/schema.graphql and its extensions). */

export type TaskStatus = 'OPEN' | 'CLAIMED' | 'COMPLETED' | 'CANCELLED';

export interface TaskSummary {
  readonly id: string;
  readonly instanceId: string;
  readonly processKey: string;
  readonly stepKey: string;
  readonly stepName: string | null;
  readonly stepType: string;
  readonly status: TaskStatus;
  readonly assigneeRole: string | null;
  readonly assigneeUser: string | null;
  readonly createdAt: string;
  readonly dueAt: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  readonly outcome: string | null;
}

export interface TaskDetail extends TaskSummary {
  readonly formKey: string | null;
  readonly formVersion: number | null;
  readonly outcomes: readonly string[];
  readonly prefill: unknown;
  readonly submission: unknown;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Connection<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

export interface RuntimeError {
  readonly kind: string;
  readonly message: string;
}

export interface Payload {
  readonly error: RuntimeError | null;
  readonly problems: readonly FieldError[];
}

const taskFields = 'id instanceId processKey stepKey stepName stepType status assigneeRole assigneeUser createdAt dueAt completedAt completedBy outcome';

export const myTasksQuery = `query MyTasks($first: Int, $after: String) {
  myTasks(first: $first, after: $after) { nodes { ${taskFields} } pageInfo { hasNextPage endCursor } totalCount }
}`;

export const tasksQuery = `query Tasks($filter: TaskFilter, $orderBy: TaskOrder, $first: Int, $after: String) {
  tasks(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { nodes { ${taskFields} } pageInfo { hasNextPage endCursor } totalCount }
}`;

export const taskQuery = `query Task($id: ID!) {
  task(id: $id) { ${taskFields} formKey formVersion outcomes prefill submission }
}`;

export const formQuery = `query FormBody($key: ID!, $version: Int) { form(key: $key, version: $version) { key version name body } }`;

export const evaluateFormQuery = `query EvaluateForm($key: String!, $version: Int, $data: JSON!) {
  evaluateForm(key: $key, version: $version, data: $data) { valid values fields { path key visible required readonly value } errors { path code message } }
}`;

export const completeTaskMutation = `mutation CompleteTask($id: ID!, $data: JSON, $outcome: String, $idempotencyKey: String) {
  completeTask(id: $id, data: $data, outcome: $outcome, idempotencyKey: $idempotencyKey) {
    completedTaskId instance { id status positions } createdTasks { id stepName stepKey assigneeRole assigneeUser } error { kind message } problems { path code message }
  }
}`;

export const claimTaskMutation = `mutation ClaimTask($id: ID!) { claimTask(id: $id) { task { ${taskFields} } error { kind message } problems { path code message } } }`;
export const releaseTaskMutation = `mutation ReleaseTask($id: ID!) { releaseTask(id: $id) { task { ${taskFields} } error { kind message } problems { path code message } } }`;

export interface TaskPayload extends Payload {
  readonly task: TaskSummary | null;
}

export interface StepPayload extends Payload {
  readonly completedTaskId: string | null;
  readonly instance: { readonly id: string; readonly status: string; readonly positions: readonly string[] } | null;
  readonly createdTasks: readonly { readonly id: string; readonly stepName: string | null; readonly stepKey: string; readonly assigneeRole: string | null; readonly assigneeUser: string | null }[];
}

export interface FormBody {
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly body: unknown;
}

export type { FormEvaluation };

// Instances

export interface InstanceException {
  readonly code: string;
  readonly message: string;
  readonly severity: string;
  readonly step: string | null;
  readonly raisedBy: string | null;
  readonly raisedAt: string;
}

export interface TimelineEvent {
  readonly sequence: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: string | null;
  readonly stepKey: string | null;
  readonly taskId: string | null;
  readonly payload: unknown;
}

export interface RouteDecision {
  readonly sequence: string;
  readonly decidedAt: string;
  readonly step: string;
  readonly outcome: string | null;
  readonly ruleSetKey: string | null;
  readonly ruleSetVersion: number | null;
  readonly firedRules: readonly string[];
  readonly routedBy: string | null;
  readonly target: string | null;
  readonly source: string;
  readonly trace: unknown;
}

export interface InstanceSummary {
  readonly id: string;
  readonly processKey: string;
  readonly processVersion: number;
  readonly businessKey: string | null;
  readonly status: string;
  readonly positions: readonly string[];
  readonly startedBy: string;
  readonly startedAt: string;
  readonly completedAt: string | null;
  readonly dueAt: string | null;
  readonly exceptions: readonly Pick<InstanceException, 'code' | 'severity'>[];
}

export interface InstanceDetail extends InstanceSummary {
  readonly data: unknown;
  readonly pinnedForms: unknown;
  readonly exceptions: readonly InstanceException[];
  readonly openTasks: readonly TaskSummary[];
  readonly timeline: readonly TimelineEvent[];
  readonly decisions: readonly RouteDecision[];
}

const instanceSummaryFields = 'id processKey processVersion businessKey status positions startedBy startedAt completedAt dueAt exceptions { code severity }';

export const instancesQuery = `query Instances($filter: InstanceFilter, $orderBy: InstanceOrder, $first: Int, $after: String) {
  instances(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { nodes { ${instanceSummaryFields} } pageInfo { hasNextPage endCursor } totalCount }
}`;

export const instanceFields = `id processKey processVersion businessKey status positions startedBy startedAt completedAt dueAt data pinnedForms
  exceptions { code message severity step raisedBy raisedAt }
  openTasks { ${taskFields} }
  timeline { sequence type occurredAt actor stepKey taskId payload }
  decisions { sequence decidedAt step outcome ruleSetKey ruleSetVersion firedRules routedBy target source trace }`;

export const instanceQuery = `query Instance($id: ID!) { instance(id: $id) { ${instanceFields} } }`;

/** The live instance feed; the `live` branch adds `instanceChanged(id)` to the product schema. */
export const instanceChangedSubscription = `subscription InstanceChanged($id: ID!) { instanceChanged(id: $id) { __typename } }`;

export interface OperationPayload extends Payload {
  readonly instance: { readonly id: string } | null;
}

export type RepairOperation = 'cancel' | 'retry' | 'resolve' | 'move' | 'reroute';

export const repairMutations: Readonly<Record<RepairOperation, string>> = {
  cancel: `mutation Cancel($id: ID!, $reason: String!) { result: cancelInstance(id: $id, reason: $reason) { instance { id } error { kind message } problems { path code message } } }`,
  retry: `mutation Retry($id: ID!, $step: String, $reason: String!) { result: retryStep(id: $id, step: $step, reason: $reason) { instance { id } error { kind message } problems { path code message } } }`,
  resolve: `mutation Resolve($id: ID!, $code: String!, $reason: String!) { result: resolveException(id: $id, code: $code, reason: $reason) { instance { id } error { kind message } problems { path code message } } }`,
  move: `mutation Move($id: ID!, $step: String!, $reason: String!) { result: moveInstanceToStep(id: $id, step: $step, reason: $reason) { instance { id } error { kind message } problems { path code message } } }`,
  reroute: `mutation Reroute($id: ID!, $reason: String!) { result: rerouteInstance(id: $id, reason: $reason) { instance { id } error { kind message } problems { path code message } } }`,
};

export const processStepsQuery = `query ProcessSteps($key: ID!, $version: Int) { process(key: $key, version: $version) { key version steps { key name type } } }`;

// Notifications

export interface Notification {
  readonly id: string;
  readonly recipientUser: string | null;
  readonly recipientRole: string | null;
  readonly subject: string | null;
  readonly message: string;
  readonly instanceId: string | null;
  readonly stepKey: string | null;
  readonly createdAt: string;
}

export const notificationsQuery = `query Notifications($limit: Int) { notifications(limit: $limit) { id recipientUser recipientRole subject message instanceId stepKey createdAt } }`;

// External participants

export interface LinkedTask {
  readonly task: TaskDetail;
  readonly form: FormBody | null;
  readonly email: string;
  readonly expiresAt: string;
  readonly organizationName: string;
}

export const taskByTokenQuery = `query TaskByToken($token: String!) {
  taskByToken(token: $token) {
    linked { organizationName email expiresAt form { key version name body } task { ${taskFields} formKey formVersion outcomes prefill submission } }
    error { kind message } problems { path code message }
  }
}`;

export const evaluateFormByTokenQuery = `query EvaluateFormByToken($token: String!, $data: JSON!) {
  evaluateFormByToken(token: $token, data: $data) {
    evaluation { valid values fields { path key visible required readonly value } errors { path code message } }
    error { kind message } problems { path code message }
  }
}`;

export const completeTaskByTokenMutation = `mutation CompleteTaskByToken($token: String!, $data: JSON, $outcome: String, $idempotencyKey: String) {
  completeTaskByToken(token: $token, data: $data, outcome: $outcome, idempotencyKey: $idempotencyKey) { completedTaskId replayed error { kind message } problems { path code message } }
}`;
