import type { ReactNode } from 'react';
import { navItems, type NavItem, type PageId } from '../navigation/navItems';
import { FormBuilderPage } from '../formBuilder/FormBuilderPage';
import { FormListPage } from '../formBuilder/FormListPage';
import { AnalyticsPage } from '../analytics/AnalyticsPage';
import { ApiPage } from '../pages/ApiPage';
import { ProcessEditorPage } from '../processes/ProcessEditorPage';
import { DefinitionListPage, processListCopy, ruleSetListCopy } from '../rules/DefinitionListPage';
import { RuleSetPage } from '../rules/RuleSetPage';
import { ExternalTaskPage } from '../work/ExternalTaskPage';
import { InstancePage } from '../work/InstancePage';
import { InstancesPage } from '../work/InstancesPage';
import { TaskPage } from '../work/TaskPage';
import { TasksPage } from '../work/TasksPage';
import type { Permission } from './permissions';

/** A page inside the signed-in shell (sidebar, header, sign-out). */
export interface ShellRoute {
  /** Below the root, in react-router syntax: `forms`, `forms/:key`. */
  readonly path: string;
  /** The page's h1 and document title; a page may refine it with `usePageTitle`. */
  readonly title: string;
  /** One line under the title. */
  readonly summary?: string;
  /** Who may open it (any one; admin always); empty for every signed-in principal. */
  readonly requires: readonly Permission[];
  readonly element: ReactNode;
}

/** A page outside the shell: no navigation and no sign-in (an external participant's link page). */
export interface BareRoute {
  readonly path: string;
  readonly element: ReactNode;
}

function page(id: PageId, element: ReactNode): ShellRoute {
  const item: NavItem = navItems.find((candidate) => candidate.id === id)!;
  return { path: item.path.slice(1), title: item.label, summary: item.summary, requires: item.requires, element };
}

/**
 * Every page of the signed-in designer. Each area adds its pages here, one line each; the sidebar comes from
 * navigation/navItems.ts.
 */
export const shellRoutes: readonly ShellRoute[] = [
  page('forms', <FormListPage />),
  { path: 'forms/new', title: 'New form', summary: 'Add fields from the palette, save the draft, try it in the preview, publish.', requires: ['DESIGNER'], element: <FormBuilderPage /> },
  { path: 'forms/:key', title: 'Form', summary: 'Fields, properties and expressions, with the server judging the preview.', requires: ['DESIGNER'], element: <FormBuilderPage /> },
  page('processes', <DefinitionListPage key="process" copy={processListCopy} />),
  { ...page('processes', <ProcessEditorPage />), path: 'processes/:key', title: 'Process' },
  page('rules', <DefinitionListPage key="ruleSet" copy={ruleSetListCopy} />),
  { ...page('rules', <RuleSetPage />), path: 'rules/:key', title: 'Rule set' },
  page('tasks', <TasksPage />),
  { path: 'tasks/:id', title: 'Task', requires: ['USER', 'ANALYST'], element: <TaskPage /> },
  page('instances', <InstancesPage />),
  { path: 'instances/:id', title: 'Instance', requires: ['USER', 'ANALYST'], element: <InstancePage /> },
  page('analytics', <AnalyticsPage />),
  page('api', <ApiPage />),
];

/** Pages reached without signing in, outside the shell. */
export const bareRoutes: readonly BareRoute[] = [
  { path: 'external', element: <ExternalTaskPage /> },
];
