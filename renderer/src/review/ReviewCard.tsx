import type { HighlightEntry } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { NoteMarkdown } from '../notes/NoteMarkdown';
import { useColorName } from '../reader/color-names';

/** One highlight as the review shows it: the passage in a little of its context, its article, its note. */
export function ReviewCard({ card }: { card: HighlightEntry }) {
  const t = useT();
  const colorName = useColorName();
  return (
    <article className="review-card" aria-labelledby="review-passage">
      <p className="review-article muted" dir="auto">
        {card.articleTitle}
        {card.status === 'orphan' && <span className="orphan-mark">{t('highlights.orphan')}</span>}
      </p>
      <blockquote id="review-passage" className="review-passage" dir={card.articleDir}>
        <span className="review-context">…{card.target.prefix}</span>
        <mark className={`review-exact review-${card.color}`} title={colorName(card.color)}>
          {card.target.exact}
        </mark>
        <span className="review-context">{card.target.suffix}…</span>
      </blockquote>
      {card.note.trim() !== '' ? (
        <div className="review-note">
          <NoteMarkdown source={card.note} />
        </div>
      ) : (
        <p className="muted review-no-note">{t('review.noNote')}</p>
      )}
      {card.tags.length > 0 && (
        <p className="review-tags muted" dir={card.articleDir}>
          {card.tags.map((tag) => (
            <span key={tag} dir="auto">
              #{tag}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
