/** Every page of the designer shell, in the order the sidebar shows them. */
export type PageId = 'forms' | 'processes' | 'rules' | 'instances' | 'tasks' | 'analytics' | 'api';

export type NavSection = 'Build' | 'Operate' | 'Integrate';

export type IconName = PageId;

export interface NavItem {
  readonly id: PageId;
  readonly label: string;
  readonly path: string;
  readonly section: NavSection;
  /** One line shown under the page title; written for citizen developers. */
  readonly summary: string;
  readonly icon: IconName;
}

export const navItems: readonly NavItem[] = [
  {
    id: 'forms',
    label: 'Forms',
    path: '/forms',
    section: 'Build',
    summary: 'Fields, constraints and expressions that collect data for process steps.',
    icon: 'forms',
  },
  {
    id: 'processes',
    label: 'Processes',
    path: '/processes',
    section: 'Build',
    summary: 'Steps, assignees and SLAs that move work from start to finish.',
    icon: 'processes',
  },
  {
    id: 'rules',
    label: 'Rules',
    path: '/rules',
    section: 'Build',
    summary: 'Routing and exception rules, published live to every running instance.',
    icon: 'rules',
  },
  {
    id: 'instances',
    label: 'Instances',
    path: '/instances',
    section: 'Operate',
    summary: 'Running and completed process instances with their history.',
    icon: 'instances',
  },
  {
    id: 'tasks',
    label: 'Tasks',
    path: '/tasks',
    section: 'Operate',
    summary: 'Work waiting for people: claim, complete and follow up.',
    icon: 'tasks',
  },
  {
    id: 'analytics',
    label: 'Analytics',
    path: '/analytics',
    section: 'Operate',
    summary: 'Cycle time, throughput, bottlenecks and how work actually flows.',
    icon: 'analytics',
  },
  {
    id: 'api',
    label: 'API',
    path: '/api',
    section: 'Integrate',
    summary: 'The GraphQL API that front ends and integrations use, with an explorer.',
    icon: 'api',
  },
];

export const navSections: readonly NavSection[] = ['Build', 'Operate', 'Integrate'];

/** The page shown for `/`. */
export const homePath = '/forms';

export function itemsInSection(section: NavSection, items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => item.section === section);
}

/**
 * The nav item that owns a path: its own path or anything below it (`/forms/expense`),
 * ignoring case and a trailing slash.
 */
export function findNavItem(pathname: string, items: readonly NavItem[] = navItems): NavItem | undefined {
  const path = normalizePath(pathname);
  return items.find((item) => path === item.path || path.startsWith(`${item.path}/`));
}

export function normalizePath(pathname: string): string {
  const lower = pathname.trim().toLowerCase();
  const withSlash = lower.startsWith('/') ? lower : `/${lower}`;
  const trimmed = withSlash.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
