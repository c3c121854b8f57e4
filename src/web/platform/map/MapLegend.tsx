import { useTranslation } from 'react-i18next';

export interface LegendItem {
  /** Class of the swatch (a dot, a line …) drawn before the label. */
  swatch: string;
  label: string;
}

/** The legend under a map: one swatch and label per layer or colour. */
export function MapLegend({ items, className }: { items: LegendItem[]; className?: string }) {
  const { t } = useTranslation();
  return (
    <ul
      className={`map-legend plain-list${className ? ` ${className}` : ''}`}
      aria-label={t('crashMap.legend')}
    >
      {items.map((item) => (
        <li key={item.label} className="legend-item">
          <span className={item.swatch} aria-hidden="true" /> {item.label}
        </li>
      ))}
    </ul>
  );
}
