// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../api/fakeFetch';
import { PreviewPanel } from './PreviewPanel';

// Generous: the preview waits 300 ms after an edit, and a loaded machine may be slow to render.
const wait = { timeout: 15_000 };

const evaluation = (values: Record<string, unknown>) => ({ data: { evaluateFormDraft: { valid: true, values, fields: [], errors: [] } } });

function form(label: string) {
  return JSON.stringify({ key: 'trip', name: 'Trip', fields: [{ key: 'nights', type: 'integer', label }] });
}

/** Answers evaluateFormDraft from `answer`, recording the form each request sent. */
function serve(answer: (form: { fields: { label: string }[] }) => unknown) {
  const sent: { fields: { label: string }[] }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables: { form: { fields: { label: string }[] } } };
      expect(body.query).toContain('evaluateFormDraft');
      sent.push(body.variables.form);
      return jsonResponse(answer(body.variables.form));
    }),
  );
  return sent;
}

function panel(formJson: string, dirty = true) {
  return <PreviewPanel formJson={formJson} dirty={dirty} data={{}} onData={() => undefined} onSelectPath={() => undefined} />;
}

describe('PreviewPanel', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends the form on screen, unsaved, and shows it with the verdict', async () => {
    const sent = serve(() => evaluation({ nights: null }));
    const view = render(panel(form('Nights')));

    expect(await screen.findByLabelText('Nights', {}, wait)).toBeTruthy();
    expect(await screen.findByText('The server accepts these values.', {}, wait)).toBeTruthy();
    expect(screen.getByText(/unsaved changes included/)).toBeTruthy();

    view.rerender(panel(form('Number of nights')));
    expect(await screen.findByLabelText('Number of nights', {}, wait)).toBeTruthy();
    expect(sent.map((f) => f.fields[0]?.label)).toEqual(['Nights', 'Number of nights']);
  }, 60_000);

  it('keeps the last form the server judged, and says why, while the metadata on screen cannot be judged', async () => {
    serve((sentForm) =>
      sentForm.fields[0]?.label === 'Broken'
        ? { data: null, errors: [{ message: 'evaluateFormDraft: the form cannot be evaluated until its metadata is fixed: $.fields[0].key: …', extensions: { code: 'BAD_USER_INPUT' } }] }
        : evaluation({ nights: null }),
    );
    const view = render(panel(form('Nights')));
    expect(await screen.findByLabelText('Nights', {}, wait)).toBeTruthy();

    view.rerender(panel(form('Broken')));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('$.fields[0].key'), wait);
    expect(screen.getByRole('status').textContent).toContain('as it was before your last change');
    expect(screen.getByLabelText('Nights')).toBeTruthy();
    expect(screen.queryByText(/could not evaluate the preview/)).toBeNull();
  }, 60_000);
});
