import { describe, expect, it } from 'vitest';
import { isPlainLeftClick, resolveRoute } from './resolveRoute';

describe('resolveRoute', () => {
  it('redirects the root to the forms page', () => {
    expect(resolveRoute('/')).toEqual({ kind: 'redirect', to: '/forms' });
  });

  it('redirects /index.html, which the server may serve as the default file', () => {
    expect(resolveRoute('/index.html')).toEqual({ kind: 'redirect', to: '/forms' });
  });

  it('resolves a page path to its nav item', () => {
    const route = resolveRoute('/analytics');
    expect(route.kind).toBe('page');
    expect(route.kind === 'page' ? route.item.label : undefined).toBe('Analytics');
  });

  it('reports an unknown path as not found, keeping the path as typed', () => {
    expect(resolveRoute('/Nope')).toEqual({ kind: 'notFound', path: '/Nope' });
  });
});

describe('isPlainLeftClick', () => {
  const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

  it('accepts an unmodified primary-button click', () => {
    expect(isPlainLeftClick(plain)).toBe(true);
  });

  it.each([
    ['middle button', { button: 1 }],
    ['ctrl (open in new tab)', { ctrlKey: true }],
    ['meta (open in new tab on macOS)', { metaKey: true }],
    ['shift (open in new window)', { shiftKey: true }],
    ['alt (download)', { altKey: true }],
    ['an event another handler already took', { defaultPrevented: true }],
  ])('leaves %s to the browser', (_name, change) => {
    expect(isPlainLeftClick({ ...plain, ...change })).toBe(false);
  });
});
