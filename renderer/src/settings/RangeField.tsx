type Props = {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** The value as the reader says it ("20 px"), shown and announced. */
  valueText: string;
  onChange: (value: number) => void;
};

/** A labelled slider with its value beside the label; arrows, Page Up/Down, Home and End move it. */
export function RangeField({ id, label, min, max, step, value, valueText, onChange }: Props) {
  return (
    <div className="range-field">
      <div className="range-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id}>{valueText}</output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        onChange={(event) => {
          const next = event.currentTarget.valueAsNumber;
          if (Number.isFinite(next)) onChange(next);
        }}
      />
    </div>
  );
}
