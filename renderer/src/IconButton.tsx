import type { ReactNode } from 'react';

type Props = { label: string; onClick: () => void; children: ReactNode; className?: string };

/**
 * A button that shows only an icon: its name is spoken (aria-label) and shown on hover (title), the same
 * words for both, so sighted and screen-reader users meet the same button.
 */
export function IconButton({ label, onClick, children, className = 'icon-only' }: Props) {
  return (
    <button type="button" className={className} aria-label={label} title={label} onClick={onClick}>
      {children}
    </button>
  );
}
