import { javascript } from '@codemirror/lang-javascript';
import type { Extension } from '@codemirror/state';
import { EditorView, minimalSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import './codeEditor.css';

export interface CodeEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The editor's accessible name, given either as text or as the id of the element that names it. */
  readonly name: { readonly label: string } | { readonly labelledBy: string };
  readonly describedBy?: string;
  /** What the caller adds to the editor (a linter that asks the server, say); read once, when the editor is made. */
  readonly extensions?: readonly Extension[];
  /** Classes beside `code-editor` (the shared look). */
  readonly className?: string;
  readonly testId?: string;
}

/**
 * The one CodeMirror 6 set-up every expression editor in the designer uses: JavaScript highlighting, wrapped lines,
 * named for screen readers, controlled by its caller. Edits are reported as they are typed; a value that changes from
 * outside (undo, redo, a loaded version) replaces the text without being reported back as an edit.
 */
export function CodeEditor({ value, onChange, name, describedBy, extensions = [], className, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, value });
  latest.current = { onChange, value };
  const nameKey = 'label' in name ? `label:${name.label}` : `id:${name.labelledBy}`;

  useEffect(() => {
    if (!host.current) {
      return undefined;
    }
    const naming = 'label' in name ? { 'aria-label': name.label } : { 'aria-labelledby': name.labelledBy };
    const editor = new EditorView({
      doc: latest.current.value,
      parent: host.current,
      extensions: [
        minimalSetup,
        javascript(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ ...naming, ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
        EditorView.updateListener.of((update) => {
          // A change that only brings the editor in line with the value (undo, redo) is not an edit.
          if (update.docChanged && update.state.doc.toString() !== latest.current.value) {
            latest.current.onChange(update.state.doc.toString());
          }
        }),
        ...extensions,
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once per name; later values arrive through the effect below, keeping the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nameKey]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div className={className ? `code-editor ${className}` : 'code-editor'} ref={host} data-testid={testId} />;
}
