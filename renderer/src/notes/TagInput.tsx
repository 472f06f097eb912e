import { X } from 'lucide-react';
import { useId, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import {
  addTag,
  addTags,
  matchSuggestions,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  TAG_SEPARATORS,
  type TagProblem,
} from './tags';

type Props = { tags: string[]; suggestions: string[]; onChange: (tags: string[]) => void; label: string };

const PROBLEM_MESSAGES: Record<TagProblem, MessageKey> = {
  empty: 'tags.empty',
  'too-long': 'tags.tooLong',
  duplicate: 'tags.duplicate',
  'too-many': 'tags.tooMany',
};

/**
 * Tags as removable chips and an input that adds one on Enter or a comma (Latin or Arabic), completing
 * from tags used elsewhere as an ARIA 1.2 combobox: arrows move, Enter picks, Esc closes the list.
 * Backspace in the empty input removes the last tag.
 */
export function TagInput({ tags, suggestions, onChange, label }: Props) {
  const t = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<TagProblem | null>(null);

  const options = useMemo(() => matchSuggestions(text, suggestions, tags), [text, suggestions, tags]);
  const listOpen = open && options.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  const commit = (result: ReturnType<typeof addTags>, failedText: string) => {
    setActive(-1);
    if (!result.ok) {
      setProblem(result.reason);
      setText(failedText);
      return;
    }
    setProblem(null);
    setText('');
    setOpen(false);
    onChange(result.tags);
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    // Commas are handled here rather than on keydown so that a pasted "a، b، c" and an IME's comma work too.
    if (TAG_SEPARATORS.test(value)) return commit(addTags(tags, value), value.replace(/[,،]+$/u, ''));
    setText(value);
    setProblem(null);
    setOpen(true);
    setActive(-1);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const picked = listOpen && active >= 0 ? options[active] : undefined;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (options.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setOpen(true);
        const first = step > 0 ? 0 : options.length - 1;
        setActive((index) =>
          listOpen && index >= 0 ? (index + step + options.length) % options.length : first,
        );
        return;
      }
      case 'Enter':
        // Never submit an enclosing form: Enter belongs to the tag.
        event.preventDefault();
        if (picked !== undefined) commit(addTag(tags, picked), text);
        else commit(addTags(tags, text), text);
        return;
      case 'Escape':
        if (!listOpen) return;
        // Closes only the list, not the popover or dialog around the input.
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
        return;
      case 'Backspace':
        if (text === '' && tags.length > 0) {
          event.preventDefault();
          setProblem(null);
          onChange(tags.slice(0, -1));
        }
        return;
    }
  };

  const remove = (index: number) => {
    onChange(tags.filter((_, other) => other !== index));
    setProblem(null);
    // The button disappears with its chip; keep the keyboard user in the field rather than at the page top.
    inputRef.current?.focus();
  };

  return (
    <div className="tag-input">
      <label className="field-label" id={`${id}-label`} htmlFor={`${id}-input`}>
        {label}
      </label>
      {tags.length > 0 && (
        <ul className="chips" aria-labelledby={`${id}-label`}>
          {tags.map((tag, index) => (
            <li key={`${index}-${tag}`} className="chip">
              <span dir="auto">{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('tags.remove', { tag })}
                onClick={() => remove(index)}
              >
                <X aria-hidden="true" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-combobox">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={listOpen}
          aria-controls={listOpen ? `${id}-list` : undefined}
          aria-autocomplete="list"
          aria-activedescendant={listOpen && active >= 0 ? optionId(active) : undefined}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          // A tag takes the direction of its first letter; while empty, the placeholder follows the interface.
          dir={text === '' ? t.dir : 'auto'}
          value={text}
          placeholder={t('tags.placeholder')}
          onChange={handleChange}
          onKeyDown={handleKeyDown}
          onBlur={() => setOpen(false)}
        />
        {listOpen && (
          <ul id={`${id}-list`} role="listbox" className="tag-options" aria-label={t('tags.suggestions')}>
            {options.map((option, index) => (
              <li
                key={option}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                dir="auto"
                // mousedown, not click: the input must keep focus, or its blur would close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  commit(addTag(tags, option), text);
                }}
              >
                {option}
              </li>
            ))}
          </ul>
        )}
      </div>
      {problem && (
        <p className="inline-error" id={`${id}-problem`} role="alert">
          {t(PROBLEM_MESSAGES[problem], { max: problem === 'too-many' ? MAX_TAGS : MAX_TAG_LENGTH })}
        </p>
      )}
    </div>
  );
}
