/** How the work pages write dates, names and outcomes for people. */

/** "2 Mar 2026, 09:00" in the browser's locale and time zone; empty for null. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Whether a due date has passed at `now`. */
export function isOverdue(dueAt: string | null | undefined, now: Date): boolean {
  return !!dueAt && new Date(dueAt).getTime() < now.getTime();
}

/** "moreInformation" as "More information", "financeReview" as "Finance review", "NO_ROUTE" as "No route". */
export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const outcomeVerbs: Readonly<Record<string, string>> = { approved: 'Approve', rejected: 'Reject', declined: 'Decline', accepted: 'Accept' };

/** The label of an outcome button: "approved" reads "Approve". */
export function outcomeLabel(outcome: string): string {
  return outcomeVerbs[outcome] ?? humanize(outcome);
}

/** A task's name as people read it. */
export function taskName(task: { readonly stepName: string | null; readonly stepKey: string }): string {
  return task.stepName ?? humanize(task.stepKey);
}

/** Who a task is with: the user who holds it, else the group it is offered to. */
export function taskHolder(task: { readonly assigneeUser: string | null; readonly assigneeRole: string | null }): string {
  if (task.assigneeUser) {
    return task.assigneeUser;
  }
  return task.assigneeRole ? `group ${task.assigneeRole}` : 'nobody';
}
