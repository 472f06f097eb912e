import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusTrap } from './focus-trap';

type Props = {
  /** id of the element that names the dialog (its heading). */
  labelledBy: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
};

/**
 * A modal dialog on the native <dialog> element: the page behind is inert for mouse, keyboard and
 * screen readers; Tab stays inside; Esc or a click on the backdrop closes it; focus returns to the
 * control that opened it.
 */
export function Dialog({ labelledBy, onClose, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useFocusTrap(ref);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal?.();
    // Chromium may close a modal dialog on its own after repeated Esc presses (close-watcher rules);
    // keep React's state in step with it.
    const onNativeClose = () => closeRef.current();
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Handled here so the reader's own Esc (leave focus mode, clear the selection) does not also run.
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself; the content fills it otherwise.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
