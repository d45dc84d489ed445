// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormRenderer, type UploadOutcome } from './FormRenderer';
import { getAt, setAt, type FieldDefinition, type FieldError, type FormData, type FormEvaluation } from './formState';

afterEach(cleanup);

function form(...fields: FieldDefinition[]) {
  return { key: 'test', name: 'Test', fields };
}

/** A renderer that keeps its own data, as a page does, and reports every change. */
function Harness(props: { fields: FieldDefinition[]; initial?: FormData; evaluation?: FormEvaluation; errors?: FieldError[]; onData?: (data: FormData) => void; upload?: (field: string, file: File) => Promise<UploadOutcome>; readOnly?: boolean }) {
  const [data, setData] = useState<FormData>(props.initial ?? {});
  return (
    <FormRenderer
      form={form(...props.fields)}
      data={data}
      evaluation={props.evaluation ?? null}
      errors={props.errors ?? null}
      readOnly={props.readOnly ?? false}
      {...(props.upload ? { upload: props.upload } : {})}
      onChange={(path, value) => {
        const next = setAt(data, path, value);
        setData(next);
        props.onData?.(next);
      }}
    />
  );
}

function evaluation(fields: FormEvaluation['fields'], errors: FormEvaluation['errors'] = []): FormEvaluation {
  return { valid: errors.length === 0, values: {}, fields, errors };
}

describe('FormRenderer', () => {
  it.each([
    ['text', 'text', 'Ann'],
    ['email', 'email', 'ann@example.com'],
    ['url', 'url', 'https://example.com'],
    ['date', 'date', '2026-03-02'],
    ['datetime', 'datetime-local', '2026-03-02T09:30'],
  ])('renders a %s field as a labelled %s input and reports what is typed', (type, inputType, typed) => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'value', type, label: 'The value' }]} onData={onData} />);
    const input = screen.getByLabelText('The value');
    expect(input.getAttribute('type')).toBe(inputType);
    fireEvent.change(input, { target: { value: typed } });
    expect(onData).toHaveBeenLastCalledWith({ value: typed });
  });

  it('renders a textarea field as a multi-line box', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'note', type: 'textarea', label: 'Note', help: 'Say why.' }]} onData={onData} />);
    const box = screen.getByLabelText('Note');
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getAttribute('aria-describedby')).toContain('help');
    fireEvent.change(box, { target: { value: 'Because' } });
    expect(onData).toHaveBeenLastCalledWith({ note: 'Because' });
  });

  it('sends number and integer fields as numbers', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'amount', type: 'number', label: 'Amount' }, { key: 'count', type: 'integer', label: 'Count' }]} onData={onData} />);
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '12.5' } });
    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '3' } });
    expect(onData).toHaveBeenLastCalledWith({ amount: 12.5, count: 3 });
    expect(screen.getByLabelText('Count').getAttribute('step')).toBe('1');
  });

  it('renders a boolean field as a checkbox', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'isTravel', type: 'boolean', label: 'Business trip' }]} onData={onData} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Business trip' }));
    expect(onData).toHaveBeenLastCalledWith({ isTravel: true });
  });

  it('renders a select field with its options and an empty choice', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'currency', type: 'select', label: 'Currency', options: [{ value: 'EUR', label: 'Euro' }, { value: 'USD' }] }]} onData={onData} />);
    const select = screen.getByRole('combobox', { name: 'Currency' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose…', 'Euro', 'USD']);
    fireEvent.change(select, { target: { value: 'USD' } });
    expect(onData).toHaveBeenLastCalledWith({ currency: 'USD' });
  });

  it('renders a multiselect field as a labelled group of checkboxes', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'products', type: 'multiselect', label: 'Products', options: [{ value: 'loan', label: 'Loan' }, { value: 'card', label: 'Card' }] }]} initial={{ products: ['card'] }} onData={onData} />);
    const group = screen.getByRole('group', { name: 'Products' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Loan' }));
    expect(onData).toHaveBeenLastCalledWith({ products: ['loan', 'card'] });
  });

  it('shows a computed field read-only with the value the server computed', () => {
    render(<Harness fields={[{ key: 'total', type: 'computed', label: 'Total', computed: 'sum(lines)' } as FieldDefinition]} evaluation={evaluation([{ path: 'total', key: 'total', visible: true, required: false, readonly: true, value: 1250 }])} />);
    const total = screen.getByLabelText('Total') as HTMLInputElement;
    expect(total.readOnly).toBe(true);
    expect(total.value).toBe('1250');
  });

  it('shows static content as text, with bold and no markup from the definition', () => {
    render(<Harness fields={[{ key: 'intro', type: 'static', content: 'Claims over **1,000** go to Finance. <b>x</b>' }]} />);
    expect(screen.getByText('1,000').tagName).toBe('STRONG');
    expect(screen.getByText(/<b>x<\/b>/)).toBeTruthy();
  });

  it('arranges a group\'s fields under its legend and stores them in the group\'s object', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'employee', type: 'group', label: 'Who is claiming', fields: [{ key: 'employeeName', type: 'text', label: 'Your name' }] }]} onData={onData} />);
    const group = screen.getByRole('group', { name: 'Who is claiming' });
    fireEvent.change(within(group).getByLabelText('Your name'), { target: { value: 'Ann' } });
    expect(onData).toHaveBeenLastCalledWith({ employee: { employeeName: 'Ann' } });
  });

  it('adds and removes rows of a repeating group, keeping at least its minimum', () => {
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'lines', type: 'repeating', label: 'Lines', minRows: 1, fields: [{ key: 'amount', type: 'number', label: 'Amount' }] }]} initial={{ lines: [{ amount: 1 }] }} onData={onData} />);
    expect(screen.queryByRole('button', { name: 'Remove row 1 of Lines' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add a row to Lines' }));
    expect(screen.getAllByLabelText('Amount')).toHaveLength(2);
    fireEvent.change(screen.getAllByLabelText('Amount')[1]!, { target: { value: '7' } });
    expect(onData).toHaveBeenLastCalledWith({ lines: [{ amount: 1 }, { amount: 7 }] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove row 1 of Lines' }));
    expect(onData).toHaveBeenLastCalledWith({ lines: [{ amount: 7 }] });
  });

  it('shows and requires a field as the server evaluates it', () => {
    const field: FieldDefinition = { key: 'destination', type: 'text', label: 'Destination', visibleWhen: 'isTravel', requiredWhen: 'isTravel' };
    const { rerender } = render(<Harness fields={[field]} evaluation={evaluation([{ path: 'destination', key: 'destination', visible: false, required: false, readonly: false }])} />);
    expect(screen.queryByLabelText(/Destination/)).toBeNull();
    rerender(<Harness fields={[field]} evaluation={evaluation([{ path: 'destination', key: 'destination', visible: true, required: true, readonly: false }])} />);
    expect(screen.getByLabelText(/Destination/).getAttribute('aria-required')).toBe('true');
  });

  it('makes a field read-only when the server says so', () => {
    render(<Harness fields={[{ key: 'name', type: 'text', label: 'Name' }]} initial={{ name: 'Ann' }} evaluation={evaluation([{ path: 'name', key: 'name', visible: true, required: false, readonly: true }])} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).readOnly).toBe(true);
  });

  it('shows a server error at its field once the field is touched, linked by aria-describedby', () => {
    const fields: FieldDefinition[] = [{ key: 'travelEnd', type: 'date', label: 'Trip end' }];
    const verdict = evaluation([{ path: 'travelEnd', key: 'travelEnd', visible: true, required: false, readonly: false }], [{ path: 'travelEnd', code: 'validation', message: 'The trip cannot end before it starts.' }]);
    render(<Harness fields={fields} evaluation={verdict} />);
    expect(screen.queryByText('The trip cannot end before it starts.')).toBeNull();
    const input = screen.getByLabelText('Trip end');
    fireEvent.change(input, { target: { value: '2026-01-01' } });
    const message = screen.getByText('The trip cannot end before it starts.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('shows every error of a failed completion, a row\'s column and the form\'s own included', () => {
    const fields: FieldDefinition[] = [{ key: 'lines', type: 'repeating', label: 'Lines', fields: [{ key: 'amount', type: 'number', label: 'Amount' }] }];
    render(<Harness fields={fields} initial={{ lines: [{}] }} errors={[{ path: 'lines[0].amount', code: 'required', message: 'Amount is required.' }, { path: '', code: 'validation', message: 'The claim is empty.' }]} />);
    expect(screen.getByText('Amount is required.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The claim is empty.');
  });

  it('uploads a file through the given uploader and lists it by name', async () => {
    const upload = vi.fn(async (_field: string, file: File): Promise<UploadOutcome> => ({ file: { id: 'file-1', name: file.name, size: 2048 } }));
    const onData = vi.fn();
    render(<Harness fields={[{ key: 'owners', type: 'repeating', label: 'Owners', fields: [{ key: 'passport', type: 'file', label: 'Passport' }] }]} initial={{ owners: [{}] }} upload={upload} onData={onData} />);
    const picker = screen.getByLabelText('Choose a file for Passport');
    await act(async () => {
      fireEvent.change(picker, { target: { files: [new File(['%PDF'], 'passport.pdf', { type: 'application/pdf' })] } });
    });
    expect(upload).toHaveBeenCalledWith('owners.passport', expect.any(File));
    expect(onData).toHaveBeenLastCalledWith({ owners: [{ passport: ['file-1'] }] });
    expect(screen.getByText('passport.pdf')).toBeTruthy();
  });

  it('says why an upload was refused', async () => {
    const upload = async (): Promise<UploadOutcome> => ({ error: 'The file is larger than 5 MB.' });
    render(<Harness fields={[{ key: 'proof', type: 'file', label: 'Proof' }]} upload={upload} />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Choose a file for Proof'), { target: { files: [new File(['x'], 'big.pdf')] } });
    });
    expect(screen.getByRole('alert').textContent).toContain('The file is larger than 5 MB.');
  });

  it('shows values without inputs that change them when read-only', () => {
    render(<Harness readOnly fields={[{ key: 'name', type: 'text', label: 'Name' }, { key: 'lines', type: 'repeating', label: 'Lines', fields: [{ key: 'amount', type: 'number', label: 'Amount' }] }]} initial={{ name: 'Ann', lines: [{ amount: 3 }] }} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: /Add a row/ })).toBeNull();
    expect(getAt({ lines: [{ amount: 3 }] }, 'lines[0].amount')).toBe(3);
  });

  it('says so instead of failing on a field type it does not know', () => {
    render(<Harness fields={[{ key: 'signature', type: 'signature', label: 'Sign' }]} />);
    expect(screen.getByText(/cannot show/)).toBeTruthy();
  });
});
