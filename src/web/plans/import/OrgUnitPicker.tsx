import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format.ts';
import { orgUnitSearchQuery, type UnitRef } from '../api.ts';

export interface PickedUnit {
  id: number;
  name: string;
}

/**
 * Picks an org unit: the resolver's suggestions first, then units found by what the user types
 * (GET /directory/org-units?q=…).
 */
export function OrgUnitPicker({
  value,
  onChange,
  suggestions = [],
  initialQuery = '',
  current,
  ...props
}: {
  value: number | null | undefined;
  onChange: (unit: PickedUnit | null) => void;
  suggestions?: (UnitRef & { score: number })[];
  initialQuery?: string;
  /** The chosen unit's name, when it is known (so the box shows it before any search). */
  current?: PickedUnit | null;
} & Omit<SelectProps<number>, 'value' | 'onChange' | 'options'>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState(initialQuery);
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const [open, setOpen] = useState(false);
  const found = useQuery({ ...orgUnitSearchQuery(q), enabled: open || Boolean(q) });

  const options = useMemo(() => {
    const suggested = suggestions.map((s) => ({
      value: Number(s.id),
      label: s.name,
      title: `${s.name} (${formatNumber(Math.round(s.score * 100))} %)`,
    }));
    const seen = new Set(suggested.map((s) => s.value));
    const results = (found.data ?? [])
      .filter((u) => !seen.has(u.id))
      .map((u) => ({
        value: u.id,
        label: u.shortName ? `${u.name} (${u.shortName})` : u.name,
        title: u.parentName ? `${u.name} — ${u.parentName}` : u.name,
      }));
    for (const r of results) seen.add(r.value);
    const out: NonNullable<SelectProps<number>['options']> = [];
    if (current && !seen.has(current.id)) out.push({ value: current.id, label: current.name });
    if (suggested.length > 0) out.push({ label: t('import.suggestions'), options: suggested });
    if (results.length > 0) {
      if (suggested.length > 0) out.push({ label: t('import.searchResults'), options: results });
      else out.push(...results);
    }
    return out;
  }, [suggestions, found.data, current, t]);

  const byId = (id: number): PickedUnit | null => {
    for (const o of options ?? []) {
      if (o && 'options' in o && Array.isArray(o.options)) {
        const hit = o.options.find((x) => x.value === id);
        if (hit) return { id, name: String(hit.label) };
      } else if (o && 'value' in o && o.value === id) return { id, name: String(o.label) };
    }
    return null;
  };

  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange(id == null ? null : (byId(id) ?? { id, name: String(id) }))}
      onOpenChange={setOpen}
      loading={found.isFetching}
      options={options}
      notFoundContent={found.isFetching ? t('import.searching') : t('import.noUnits')}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
