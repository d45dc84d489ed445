// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { jsonResponse } from './api/fakeFetch';

function answerViewer(permissions: string[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { query?: string };
      if (body.query?.includes('viewer')) {
        const authorized = new Headers(init?.headers).get('Authorization') === 'Bearer lc_good';
        return authorized
          ? jsonResponse({ data: { viewer: { id: 'dee@example.com', groups: ['finance'], permissions } } })
          : jsonResponse({ errors: [{ message: 'The key is not known.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
      }
      return jsonResponse({ data: { forms: [], processes: [], ruleSets: [] } });
    }),
  );
}

describe('App shell', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for a key before showing any page, and says why a refused key did not sign in', async () => {
    answerViewer(['DESIGNER']);
    render(<App initialPath="/forms" />);

    fireEvent.change(screen.getByLabelText('API key or token'), { target: { value: 'lc_bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The key is not known.');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(window.localStorage.getItem('lowcode.apiKey')).toBeNull();
  });

  it('shows only the pages the signed-in permissions open, grouped under their sections', async () => {
    answerViewer(['DESIGNER']);
    render(<App initialPath="/" />);

    fireEvent.change(screen.getByLabelText('API key or token'), { target: { value: 'lc_good' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['Forms', 'Processes', 'Rules', 'API']);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Forms');
    expect(window.localStorage.getItem('lowcode.apiKey')).toBe('lc_good');
  });

  it('explains why a page the viewer may not open is refused, instead of showing it', async () => {
    window.localStorage.setItem('lowcode.apiKey', 'lc_good');
    answerViewer(['USER']);
    render(<App initialPath="/rules" />);

    expect(await screen.findByText('You cannot open this page')).toBeTruthy();
    expect(screen.getByText(/needs one of the permissions designer, analyst; you have user/)).toBeTruthy();
  });
});
