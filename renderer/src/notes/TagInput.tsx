import { X } from 'lucide-react';
import { useId, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { normalizeTag } from './tags';

type Props = { tags: string[]; suggestions: string[]; onChange: (tags: string[]) => void; label: string };

const SEPARATORS = new Set([',', '،', 'Enter']);

/**
 * Tags as removable chips and an input that adds one on Enter or a comma (Latin or Arabic), completing
 * from tags already used (an ARIA combobox: arrows move, Enter picks, Esc closes).
 */
export function TagInput({ tags, suggestions, onChange, label }: Props) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<'empty' | 'too-long' | null>(null);
  const lower = new Set(tags.map((tag) => tag.toLowerCase()));
  const query = text.trim().toLowerCase();
  const options = query
    ? suggestions.filter((s) => !lower.has(s.toLowerCase()) && s.toLowerCase().includes(query)).slice(0, 8)
    : [];

  const add = (raw: string) => {
    const result = normalizeTag(raw);
    if (!result.ok) return setProblem(result.reason);
    setProblem(null);
    setText('');
    setActive(-1);
    if (!lower.has(result.tag.toLowerCase())) onChange([...tags, result.tag]);
  };

  return (
    <div className="tag-input">
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <ul className="chips">
        {tags.map((tag) => (
          <li key={tag} className="chip">
            <span dir="auto">{tag}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('tags.remove', { tag })}
              onClick={() => onChange(tags.filter((other) => other !== tag))}
            >
              <X aria-hidden="true" size={12} />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-option-${active}` : undefined}
        dir={text.trim() ? 'auto' : t.dir}
        value={text}
        placeholder={t('tags.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && options.length) {
            event.preventDefault();
            setActive((i) => (i + 1) % options.length);
          } else if (event.key === 'ArrowUp' && options.length) {
            event.preventDefault();
            setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
          } else if (event.key === 'Escape' && options.length) {
            event.stopPropagation();
            setText('');
          } else if (event.key === 'Backspace' && text === '' && tags.length) {
            onChange(tags.slice(0, -1));
          } else if (SEPARATORS.has(event.key)) {
            event.preventDefault();
            add(active >= 0 ? (options[active] ?? text) : text);
          }
        }}
      />
      {options.length > 0 && (
        <ul id={`${id}-list`} role="listbox" className="tag-options" aria-label={label}>
          {options.map((option, index) => (
            <li
              key={option}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              dir="auto"
              onMouseDown={(event) => {
                event.preventDefault();
                add(option);
              }}
            >
              {option}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {t(problem === 'empty' ? 'tags.empty' : 'tags.tooLong')}
        </p>
      )}
    </div>
  );
}
