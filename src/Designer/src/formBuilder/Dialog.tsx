import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: focus moves in, Escape closes, the page behind is inert. */
export function Dialog({ title, children, onClose, role = 'dialog' }: { readonly title: string; readonly children: ReactNode; readonly onClose: () => void; readonly role?: 'dialog' | 'alertdialog' }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="fb-dialog"
      role={role}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="fb-dialog__title" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
