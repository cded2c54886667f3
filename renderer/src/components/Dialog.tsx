import { useEffect, useId, useRef, type ReactNode } from 'react';
import { clearOnDialog } from '../announcer';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /**
   * A close button beside the title, which stays at the top while the dialog scrolls: for a
   * dialog taller than the window, whose own buttons are out of sight (and Escape is no help on
   * a touch screen).
   */
  close?: { label: string; testId: string };
}

/**
 * A modal built on the native <dialog>: the browser traps focus, Escape closes it and focus
 * returns to where it was. Large text and buttons for the table.
 */
export function Dialog({ open, title, onClose, children, testId, close }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      clearOnDialog();
      dialog.showModal();
      // showModal() focuses the first control; a dialog may name another (its safe choice).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          {close ? (
            <div className="dialog-head">
              <h2 id={titleId} className="dialog-title">
                {title}
              </h2>
              <button type="button" className="button" onClick={onClose} data-testid={close.testId}>
                {close.label}
              </button>
            </div>
          ) : (
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  testId?: string;
  /** More than words between the question and its buttons (e.g. a checkbox). */
  children?: ReactNode;
}

/** Asks before something that cannot be undone; the safe choice has the focus. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onCancel} testId={props.testId}>
      <p className="dialog-body">{props.body}</p>
      {props.children}
      <div className="dialog-actions">
        {/* The safe choice has the focus, whatever stands before it (a checkbox). */}
        <button
          type="button"
          className="button"
          data-autofocus
          onClick={props.onCancel}
          data-testid="confirm-cancel"
        >
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className={props.danger ? 'button button-danger' : 'button button-primary'}
          onClick={props.onConfirm}
          data-testid="confirm-ok"
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
