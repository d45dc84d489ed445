import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DefinitionTable } from './DefinitionTable';
import { definitionPageCopy } from './definitionPages';
import { DefinitionsPage } from './DefinitionsPage';

describe('DefinitionTable', () => {
  it('renders one row per definition with name, key, version, status badge and date', () => {
    const html = renderToStaticMarkup(
      <DefinitionTable
        caption="All forms"
        items={[
          { key: 'expense-claim', name: 'Expense claim', version: 3, status: 'PUBLISHED', updatedAt: '2026-11-20T10:05:00Z' },
          { key: 'new-hire', name: null, version: 0, status: 'DRAFT', updatedAt: null },
        ]}
      />,
    );
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('Expense claim');
    expect(html).toContain('expense-claim');
    expect(html).toContain('v3');
    expect(html).toContain('badge--published');
    expect(html).toContain('Nov 20, 2026, 10:05 AM UTC');
    expect(html).toContain('badge--draft');
  });
});

describe('DefinitionsPage', () => {
  it('starts in a busy loading state that screen readers announce', () => {
    const html = renderToStaticMarkup(<DefinitionsPage copy={definitionPageCopy.process} />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading processes…');
  });
});
