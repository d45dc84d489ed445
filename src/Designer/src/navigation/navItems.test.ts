import { describe, expect, it } from 'vitest';
import { homePathFor, itemsInSection, navItems, navSections } from './navItems';

describe('navItems', () => {
  it('lists the seven pages of the shell in sidebar order', () => {
    expect(navItems.map((item) => item.label)).toEqual([
      'Forms',
      'Processes',
      'Rules',
      'Tasks',
      'Instances',
      'Analytics',
      'API',
    ]);
  });

  it('gives every page a unique id and a unique lower-case path', () => {
    const ids = new Set(navItems.map((item) => item.id));
    const paths = new Set(navItems.map((item) => item.path));
    expect(ids.size).toBe(navItems.length);
    expect(paths.size).toBe(navItems.length);
    for (const item of navItems) {
      expect(item.path).toMatch(/^\/[a-z]+$/);
    }
  });

  it('keeps page paths clear of the server endpoints the SPA must not shadow', () => {
    const reserved = ['/graphql', '/health', '/graphiql.html', '/assets'];
    for (const item of navItems) {
      expect(reserved).not.toContain(item.path);
    }
  });

  it('places every page in exactly one known section, and every section has pages', () => {
    const grouped = navSections.flatMap((section) => itemsInSection(section));
    expect(grouped).toHaveLength(navItems.length);
    for (const section of navSections) {
      expect(itemsInSection(section).length).toBeGreaterThan(0);
    }
  });

  it('sends each viewer home to the first page it may open: designers to Forms, users to Tasks, others to the API', () => {
    const holding = (...permissions: string[]) => (item: { requires: readonly string[] }) => item.requires.some((p) => permissions.includes(p));
    expect(homePathFor(holding('DESIGNER'))).toBe('/forms');
    expect(homePathFor(holding('USER'))).toBe('/tasks');
    expect(homePathFor(holding('ANALYST'))).toBe('/forms');
    expect(homePathFor(holding())).toBe('/api');
  });
});
