import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as shown next to the bar, e.g. "1 239 k€" or "42 %". */
  text: string;
}

/**
 * Horizontal bars drawn with CSS: each row is read as "label: value" by assistive technologies
 * (the bar itself is decoration).
 */
export function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max?: number }) {
  const id = useId();
  const top = max ?? Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <figure className="bar-chart" aria-labelledby={id}>
      <figcaption className="bar-chart__title" id={id}>
        {title}
      </figcaption>
      <dl className="bar-chart__list">
        {bars.map((bar) => (
          <div className="bar-chart__row" key={bar.key}>
            <dt className="bar-chart__label">{bar.label}</dt>
            <dd className="bar-chart__value">
              <span className="bar-chart__track" aria-hidden="true">
                <span className="bar-chart__bar" style={{ width: top > 0 ? `${(bar.value / top) * 100}%` : '0%' }} />
              </span>
              <span className="bar-chart__text">{bar.text}</span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
