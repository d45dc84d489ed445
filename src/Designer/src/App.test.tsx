import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { navItems } from './navigation/navItems';

describe('App shell', () => {
  const html = renderToStaticMarkup(<App />);

  it('renders a labelled main navigation with a link per page', () => {
    expect(html).toContain('<nav aria-label="Main">');
    for (const item of navItems) {
      expect(html).toContain(`href="${item.path}"`);
      expect(html).toContain(`<span>${item.label}</span>`);
    }
  });

  it('groups the links under their section titles', () => {
    expect(html).toMatch(/>Build<.*>Forms<.*>Operate<.*>Instances<.*>Integrate<.*>API</s);
  });

  it('marks no link current before the root redirect has happened', () => {
    expect(html).not.toContain('aria-current');
  });
});
