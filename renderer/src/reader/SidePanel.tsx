import { useRef, type ReactNode } from 'react';
import './drawers.css';
import { useDrawer } from './use-drawer';

// What takes the reader somewhere in the text: the contents' entries and the notes panel's passages.
const CHOICES = '.toc-link, .notes-entry-quote';

type Props = {
  /** A drawer over the text (narrow window) rather than a column beside it. */
  drawer: boolean;
  side: 'start' | 'end';
  label: string;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A reader side panel (contents or notes): in a wide window the panel itself, a column beside the text; in
 * a narrow one a drawer over the text that Esc or a click beside it closes, holding focus while open.
 */
export function SidePanel({ drawer, side, label, onClose, children }: Props) {
  if (!drawer) return children;
  return (
    <Drawer side={side} label={label} onClose={onClose}>
      {children}
    </Drawer>
  );
}

function Drawer({ side, label, onClose, children }: Omit<Props, 'drawer'>) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useDrawer(ref, onClose);
  return (
    <>
      <div className="drawer-backdrop" aria-hidden="true" onClick={onClose} />
      <div
        ref={ref}
        className={`drawer drawer-${side}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          // A place chosen in the drawer (a section, a highlight) is shown at once: the drawer gives way.
          if (event.target instanceof Element && event.target.closest(CHOICES)) onClose();
        }}
      >
        {children}
      </div>
    </>
  );
}
