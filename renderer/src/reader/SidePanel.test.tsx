import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SidePanel } from './SidePanel';

afterEach(cleanup);

/** A panel opened by its button, as the top bar does it. */
function Reader({ drawer }: { drawer: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen((o) => !o)}>
        Contents
      </button>
      {open && (
        <SidePanel drawer={drawer} side="start" label="Contents" onClose={() => setOpen(false)}>
          <nav className="toc">
            <button type="button" className="toc-link">
              First section
            </button>
            <input
              aria-label="Filter"
              onKeyDown={(event) => {
                // A control that uses Esc itself (a list of suggestions) keeps it.
                if (event.key === 'Escape') event.stopPropagation();
              }}
            />
          </nav>
        </SidePanel>
      )}
    </>
  );
}

function openDrawer(drawer = true) {
  render(<Reader drawer={drawer} />);
  const button = screen.getByRole('button', { name: 'Contents' });
  button.focus();
  fireEvent.click(button);
  return button;
}

describe('side panels', () => {
  it('is a plain column beside the text in a wide window', () => {
    openDrawer(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('navigation')).toBeTruthy();
  });

  it('opens as a drawer that takes focus, and Esc closes it and gives focus back to its button', () => {
    const button = openDrawer();
    const drawer = screen.getByRole('dialog', { name: 'Contents' });
    expect(document.activeElement).toBe(drawer);
    fireEvent.keyDown(drawer, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('leaves Esc to a control inside that uses it', () => {
    openDrawer();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Filter' }), { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('gives way to the text when a section is chosen in it', () => {
    openDrawer();
    fireEvent.click(screen.getByRole('button', { name: 'First section' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on a click beside it', () => {
    openDrawer();
    const backdrop = document.querySelector('.drawer-backdrop');
    if (!backdrop) throw new Error('no backdrop');
    fireEvent.click(backdrop);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
