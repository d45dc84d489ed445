import type { ReactNode } from 'react';
import { navItems, type NavItem, type PageId } from '../navigation/navItems';
import { ApiPage } from '../pages/ApiPage';
import { definitionPageCopy } from '../pages/definitionPages';
import { DefinitionsPage } from '../pages/DefinitionsPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
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
  page('forms', <DefinitionsPage key="form" copy={definitionPageCopy.form} />),
  page('processes', <DefinitionsPage key="process" copy={definitionPageCopy.process} />),
  page('rules', <DefinitionsPage key="ruleSet" copy={definitionPageCopy.ruleSet} />),
  page('tasks', <TasksPage />),
  { path: 'tasks/:id', title: 'Task', requires: ['USER', 'ANALYST'], element: <TaskPage /> },
  page('instances', <InstancesPage />),
  { path: 'instances/:id', title: 'Instance', requires: ['USER', 'ANALYST'], element: <InstancePage /> },
  page('analytics', <PlaceholderPage page="analytics" />),
  page('api', <ApiPage />),
];

/** Pages reached without signing in, outside the shell. */
export const bareRoutes: readonly BareRoute[] = [
  { path: 'external', element: <ExternalTaskPage /> },
];
