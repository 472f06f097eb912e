import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/I18nProvider';

type Props = { note: string; children: ReactNode };

// The popover's width and the room kept from the window's edges.
const WIDTH_PX = 360;
const EDGE_PX = 12;

/**
 * A book's note reference: choosing it shows the footnote's text in a small popover beside it, so the
 * reader stays where they are. The popover is rendered outside the article (a portal), so its text never
 * counts in the block's characters that highlights and reading position are measured in. It closes on
 * Escape, on a click elsewhere, or from its own button; focus goes back to the reference.
 */
export function NoteRef({ note, children }: Props) {
  const t = useT();
  const ref = useRef<HTMLAnchorElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const open = place !== null;

  const toggle = () => {
    if (open) {
      setPlace(null);
      return;
    }
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const width = Math.min(WIDTH_PX, window.innerWidth - 2 * EDGE_PX);
    const left = Math.min(
      Math.max(EDGE_PX, box.left + box.width / 2 - width / 2),
      window.innerWidth - width - EDGE_PX,
    );
    setPlace({ top: box.bottom + 6, left });
  };

  const close = () => {
    setPlace(null);
    ref.current?.focus();
  };

  useLayoutEffect(() => {
    if (open) popover.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      }
    };
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !ref.current?.contains(target)) setPlace(null);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <>
      <a
        ref={ref}
        href="#"
        role="button"
        className="noteref"
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('note.show')}
        onClick={(event) => {
          // The article's own click handler (highlights) is not for this click.
          event.preventDefault();
          event.stopPropagation();
          toggle();
        }}
      >
        {children}
      </a>
      {place &&
        createPortal(
          <div
            ref={popover}
            role="dialog"
            aria-label={t('note.title')}
            className="note-popover"
            tabIndex={-1}
            style={{ top: place.top, left: place.left, maxInlineSize: WIDTH_PX }}
          >
            <p dir="auto">{note}</p>
            <button type="button" className="note-close" onClick={close}>
              {t('note.close')}
            </button>
          </div>,
          document.body,
        )}
    </>
  );
}
