import { Flame } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, HighlightEntry, ReviewAnswer } from '../../../shared/contract';
import { call } from '../api';
import { ErrorNotice, useErrorMessage } from '../ErrorNotice';
import { useT } from '../i18n/I18nProvider';
import { inDialog, isTypingTarget } from '../shortcuts/shortcut-list';
import { ReviewCard } from './ReviewCard';
import { reviewAction } from './review-keys';
import { ReviewNoteEditor } from './ReviewNoteEditor';
import './review.css';

type Props = {
  onOpen: (articleId: string, at?: { start: number; end: number }) => void;
  onHighlights: () => void;
};

type Session = { cards: HighlightEntry[]; due: number; streak: number; reviewedToday: number };

const SIZES = [5, 10, 20] as const;
const SIZE_KEY = 'hamish.reviewSize';

function savedSize(): number {
  const stored = Number(window.localStorage.getItem(SIZE_KEY));
  return (SIZES as readonly number[]).includes(stored) ? stored : 10;
}

const ANSWER_KEYS: Record<ReviewAnswer, 'review.keep' | 'review.less' | 'review.archive'> = {
  keep: 'review.keep',
  less: 'review.less',
  archive: 'review.archive',
};

/**
 * Today's review: a short session of highlights, one card at a time, answered by keyboard (space next,
 * 1–3 answers, e edit the note, o open) or by the buttons. It shows where the session is and the streak,
 * and stops when the set is done; nothing reminds or insists.
 */
export function ReviewPage({ onOpen, onHighlights }: Props) {
  const t = useT();
  const message = useErrorMessage();
  const [size, setSize] = useState(savedSize);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [index, setIndex] = useState(0);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void call('reviewSet', { size }).then((result) => {
      if (!result.ok) return setError(result.error);
      setSession(result.value);
      setIndex(0);
    });
  }, [size]);
  useEffect(() => heading.current?.focus(), []);

  const card = session?.cards[index];
  const finished = session !== null && index >= session.cards.length;

  const answer = useCallback(
    async (chosen: ReviewAnswer) => {
      if (!card) return;
      const result = await call('answerReview', { articleId: card.articleId, id: card.id, answer: chosen });
      if (!result.ok) return setStatus(message(result.error));
      const { streak, reviewedToday, review } = result.value;
      setSession((before) => before && { ...before, streak, reviewedToday });
      setStatus(
        chosen === 'archive'
          ? t('review.archived')
          : t.plural('review.backIn', review.interval, { answer: t(ANSWER_KEYS[chosen]) }),
      );
      setIndex((i) => i + 1);
    },
    [card, message, t],
  );

  // The card shows the note as saved, without asking main for the set again.
  const saveNoteLocally = useCallback(
    (id: string, note: string) =>
      setSession(
        (before) =>
          before && { ...before, cards: before.cards.map((c) => (c.id === id ? { ...c, note } : c)) },
      ),
    [],
  );

  const open = useCallback(() => {
    if (card)
      onOpen(card.articleId, card.status === 'orphan' ? undefined : { start: card.start, end: card.end });
  }, [card, onOpen]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (editing || event.defaultPrevented || isTypingTarget(event.target) || inDialog(event.target)) return;
      const action = reviewAction(event);
      if (!action || !card) return;
      // Space on a focused button would press it too: the review's meaning wins.
      event.preventDefault();
      if (action.kind === 'answer') void answer(action.answer);
      else if (action.kind === 'next') {
        setStatus('');
        setIndex((i) => i + 1);
      } else if (action.kind === 'edit') setEditing(true);
      else open();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [answer, card, editing, open]);

  const total = session?.cards.length ?? 0;
  return (
    <section className="review-page" aria-labelledby="review-title">
      <header className="review-header">
        <h1 id="review-title" ref={heading} tabIndex={-1}>
          {t('review.title')}
        </h1>
        {session && session.streak > 0 && (
          <span className="review-streak">
            <Flame aria-hidden="true" size={16} />
            {t.plural('review.streak', session.streak)}
          </span>
        )}
        <label className="review-size">
          {t('review.size')}
          <select
            value={size}
            onChange={(event) => {
              const next = Number(event.target.value);
              window.localStorage.setItem(SIZE_KEY, String(next));
              setSize(next);
            }}
          >
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {t.number(n)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {error && <ErrorNotice error={error} />}
      {session === null && !error && <p className="status">{t('status.loading')}</p>}
      {session && total > 0 && (
        <div className="review-progress">
          <progress
            max={total}
            value={Math.min(index, total)}
            aria-label={t('review.progress', { done: Math.min(index, total), total })}
          />
          <span>{t('review.progress', { done: Math.min(index, total), total })}</span>
        </div>
      )}
      {card && (
        <>
          <ReviewCard key={card.id} card={card} />
          {editing ? (
            <ReviewNoteEditor
              key={card.id}
              card={card}
              onSaved={saveNoteLocally}
              onClose={() => {
                setEditing(false);
                setStatus(t('review.noteSaved'));
                heading.current?.focus();
              }}
            />
          ) : null}
          <div className="review-answers" role="group" aria-label={t('review.answers')}>
            {(['keep', 'less', 'archive'] as const).map((choice, i) => (
              <button key={choice} type="button" className="icon-button" onClick={() => void answer(choice)}>
                <kbd>{t.number(i + 1)}</kbd>
                {t(ANSWER_KEYS[choice])}
              </button>
            ))}
          </div>
          <div className="review-moves">
            <button type="button" className="icon-button" onClick={() => setIndex((i) => i + 1)}>
              <kbd>{t('review.spaceKey')}</kbd>
              {t('review.next')}
            </button>
            <button type="button" className="icon-button" onClick={() => setEditing(true)} disabled={editing}>
              <kbd>e</kbd>
              {t('review.edit')}
            </button>
            <button type="button" className="icon-button" onClick={open}>
              <kbd>o</kbd>
              {t('review.open')}
            </button>
          </div>
        </>
      )}
      {session && total === 0 && (
        <div className="empty-state review-empty">
          <p>{session.reviewedToday > 0 ? t('review.doneToday') : t('review.nothingDue')}</p>
          <button type="button" className="icon-button" onClick={onHighlights}>
            {t('review.toHighlights')}
          </button>
        </div>
      )}
      {finished && total > 0 && (
        <div className="empty-state review-finished">
          <p>{t('review.finished')}</p>
          <p className="muted">{t.plural('review.answeredToday', session.reviewedToday)}</p>
          <button type="button" className="icon-button" onClick={onHighlights}>
            {t('review.toHighlights')}
          </button>
        </div>
      )}
      <p role="status" className="review-status">
        {status}
      </p>
    </section>
  );
}
