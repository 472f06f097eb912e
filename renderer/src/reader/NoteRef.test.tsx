import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/article-model';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { BlockView } from './BlockView';
import { canonicalOffset } from './dom-offsets';

afterEach(cleanup);

const NOTE = 'المدينة القديمة هي قلب العاصمة التاريخي.';
const TEXT = 'كان الصباح هادئًا في المدينة القديمة١ حين خرج الراوي.';
const AT = TEXT.indexOf('١');
const block: Block = {
  kind: 'paragraph',
  text: TEXT,
  marks: [{ start: AT, end: AT + 1, kind: 'link', note: NOTE }],
};

function renderBlock() {
  const { container } = render(
    <I18nProvider t={createTranslate('ar')}>
      <article dir="rtl">
        <BlockView block={block} index={0} />
      </article>
    </I18nProvider>,
  );
  return container.querySelector('article') as HTMLElement;
}

describe('a book note reference', () => {
  it('shows its note in place when chosen, and hides it again on Escape', () => {
    const article = renderBlock();
    const reference = screen.getByRole('button', { name: '١' });
    expect(reference.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(reference);
    expect(screen.getByRole('dialog').textContent).toContain(NOTE);
    expect(reference.getAttribute('aria-expanded')).toBe('true');
    // The note is shown outside the article, so its text never counts among the block's characters.
    expect(article.textContent).toBe(block.text);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the offsets of the text after the reference', () => {
    const article = renderBlock();
    fireEvent.click(screen.getByRole('button', { name: '١' }));
    const after = article.querySelector('p')?.lastChild as Text;
    expect(canonicalOffset([0], after, 1)).toBe(AT + 2);
  });
});
