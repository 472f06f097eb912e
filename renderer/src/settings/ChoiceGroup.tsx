import type { ReactNode } from 'react';

export type Choice<V extends string> = { value: V; label: string; lang?: string; preview?: ReactNode };

type Props<V extends string> = {
  legend: string;
  name: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
};

/**
 * One setting with a few named choices, shown as tiles. Underneath they are native radio buttons in a
 * fieldset, so arrows move between them and a screen reader announces the group and the choice.
 */
export function ChoiceGroup<V extends string>({ legend, name, choices, value, onChange }: Props<V>) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
            />
            {choice.preview}
            <span className="choice-label" lang={choice.lang}>
              {choice.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
