import type { Permission } from '../app/permissions';

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
  /** Who sees it in the sidebar and may open it (any one of these; admin always). */
  readonly requires: readonly Permission[];
}

export const navItems: readonly NavItem[] = [
  {
    id: 'forms',
    label: 'Forms',
    path: '/forms',
    section: 'Build',
    summary: 'Fields, constraints and expressions that collect data for process steps.',
    icon: 'forms',
    requires: ['DESIGNER', 'ANALYST'],
  },
  {
    id: 'processes',
    label: 'Processes',
    path: '/processes',
    section: 'Build',
    summary: 'Steps, assignees and SLAs that move work from start to finish.',
    icon: 'processes',
    requires: ['DESIGNER', 'ANALYST'],
  },
  {
    id: 'rules',
    label: 'Rules',
    path: '/rules',
    section: 'Build',
    summary: 'Routing and exception rules, published live to every running instance.',
    icon: 'rules',
    requires: ['DESIGNER', 'ANALYST'],
  },
  {
    id: 'tasks',
    label: 'Tasks',
    path: '/tasks',
    section: 'Operate',
    summary: 'Work waiting for people: claim, complete and follow up.',
    icon: 'tasks',
    requires: ['USER'],
  },
  {
    id: 'instances',
    label: 'Instances',
    path: '/instances',
    section: 'Operate',
    summary: 'Running and completed process instances with their history.',
    icon: 'instances',
    requires: ['USER', 'ANALYST'],
  },
  {
    id: 'analytics',
    label: 'Analytics',
    path: '/analytics',
    section: 'Operate',
    summary: 'Cycle time, throughput, bottlenecks and how work actually flows.',
    icon: 'analytics',
    requires: ['ANALYST'],
  },
  {
    id: 'api',
    label: 'API',
    path: '/api',
    section: 'Integrate',
    summary: 'The GraphQL API that front ends and integrations use, with an explorer.',
    icon: 'api',
    requires: [],
  },
];

export const navSections: readonly NavSection[] = ['Build', 'Operate', 'Integrate'];

/** The page shown for `/`: the first page the viewer may open (Forms for designers, Tasks for users). */
export function homePathFor(allowed: (item: NavItem) => boolean, items: readonly NavItem[] = navItems): string {
  return items.find((item) => item.requires.length > 0 && allowed(item))?.path ?? '/api';
}

export function itemsInSection(section: NavSection, items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => item.section === section);
}
