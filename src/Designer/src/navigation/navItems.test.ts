import { describe, expect, it } from 'vitest';
import { findNavItem, homePath, itemsInSection, navItems, navSections, normalizePath } from './navItems';

describe('navItems', () => {
  it('lists the seven pages of the shell in sidebar order', () => {
    expect(navItems.map((item) => item.label)).toEqual([
      'Forms',
      'Processes',
      'Rules',
      'Instances',
      'Tasks',
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

  it('has a home path that belongs to a page', () => {
    expect(findNavItem(homePath)?.id).toBe('forms');
  });
});

describe('findNavItem', () => {
  it('matches a page path exactly', () => {
    expect(findNavItem('/processes')?.id).toBe('processes');
  });

  it('matches paths below a page, so detail views keep their nav item highlighted', () => {
    expect(findNavItem('/forms/expense-claim')?.id).toBe('forms');
  });

  it('ignores case and a trailing slash', () => {
    expect(findNavItem('/Rules/')?.id).toBe('rules');
  });

  it('does not match a path that merely starts with the same letters', () => {
    expect(findNavItem('/formsx')).toBeUndefined();
    expect(findNavItem('/apis')).toBeUndefined();
  });

  it('returns nothing for the root path', () => {
    expect(findNavItem('/')).toBeUndefined();
  });
});

describe('normalizePath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['///', '/'],
    ['forms', '/forms'],
    ['/Forms//', '/forms'],
    ['  /tasks ', '/tasks'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});
