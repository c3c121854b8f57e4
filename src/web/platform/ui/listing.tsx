import { SearchOutlined } from '@ant-design/icons';
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { SelectProps, TablePaginationConfig } from 'antd';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api.ts';
import { formatNumber } from '../format.ts';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type Paging } from '../search.ts';

/** Server-side paging for an antd Table. */
export function usePagination(
  page: number | undefined,
  pageSize: number | undefined,
  total: number | undefined,
  onChange: (page: number | undefined, pageSize: number | undefined) => void,
): TablePaginationConfig {
  const { t } = useTranslation();
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  return {
    current: page ?? 1,
    pageSize: size,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (all, [from, to]) =>
      t('common.paginationTotal', {
        from: formatNumber(from),
        to: formatNumber(to),
        total: formatNumber(all),
      }),
    onChange: (p, s) => {
      const newSize = s !== size ? s : size;
      const newPage = s !== size ? 1 : p;
      onChange(newPage > 1 ? newPage : undefined, newSize !== DEFAULT_PAGE_SIZE ? newSize : undefined);
    },
  };
}

/** A labelled search box that commits on Enter, on the button, or when cleared. */
export function SearchBox({
  value,
  onSearch,
  label,
  placeholder,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  label: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      className="filter-search"
      aria-label={label}
      placeholder={placeholder}
      value={text}
      allowClear
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() === '' ? undefined : v.trim())}
      enterButton={<Button aria-label={t('common.search')} icon={<SearchOutlined aria-hidden />} />}
    />
  );
}

type Paged<S> = S & { page: number; pageSize: number };

/** The parts of a route's API that a list page uses (pass `getRouteApi(...)`). */
interface ListRoute<S extends Paging> {
  useSearch: () => S;
  useNavigate: () => (options: { search: NoInfer<S> | ((prev: NoInfer<S>) => NoInfer<S>) }) => Promise<void>;
}

/**
 * A list page whose filters and paging live in the URL: the route's search, its query
 * (fetched with the page and page size filled in), filter setters that go back to page 1,
 * and the props for a server-paged {@link DataTable}.
 */
export function useListPage<S extends Paging, D extends Page<object>, K extends QueryKey>(
  route: ListRoute<S>,
  listQuery: (search: Paged<S>) => UseQueryOptions<D, Error, D, K>,
) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(
    listQuery({ ...search, page: search.page ?? 1, pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE }),
  );
  const setFilter = (patch: Partial<S>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });
  const pagination = usePagination(
    search.page,
    search.pageSize,
    query.data?.total,
    (page, pageSize) => void navigate({ search: (prev) => ({ ...prev, page, pageSize }) }),
  );
  const hasFilters = Object.entries(search).some(
    ([key, value]) => key !== 'page' && key !== 'pageSize' && value != null && value !== '',
  );
  return {
    search,
    query,
    setFilter,
    clearFilters: hasFilters ? () => void navigate({ search: {} as S }) : undefined,
    table: {
      rowKey: 'id',
      dataSource: (query.data?.items ?? []) as D['items'],
      loading: query.isFetching,
      pagination,
    },
  };
}

/** The filter bar above a list; `onClear`, when given, adds a button that clears every filter. */
export function Filters({ onClear, children }: { onClear?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <search className="filters" aria-label={t('common.filters')}>
      {children}
      {onClear ? <Button onClick={onClear}>{t('common.clearFilters')}</Button> : null}
    </search>
  );
}

/** A labelled filter select whose first option, `allLabel`, means "no filter" (undefined). */
export function FilterSelect<V extends string | number>({
  label,
  allLabel,
  value,
  onChange,
  options,
  ...props
}: Omit<SelectProps<V | ''>, 'value' | 'onChange' | 'options'> & {
  label: string;
  allLabel: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
}) {
  return (
    <Select<V | ''>
      className="filter-select"
      aria-label={label}
      value={value ?? ''}
      onChange={(v) => onChange(v === '' ? undefined : (v as V))}
      options={[{ value: '', label: allLabel }, ...options]}
      {...props}
    />
  );
}

/**
 * A period filter (dd/mm/yyyy) with labels for screen readers. `required`: both ends always set (maps);
 * otherwise either end may be empty and the range cleared.
 */
export function DateRangeFilter({
  id,
  legend,
  startLabel,
  endLabel,
  from,
  to,
  required = false,
  onChange,
}: {
  id: string;
  legend: string;
  startLabel: string;
  endLabel: string;
  from: string | undefined;
  to: string | undefined;
  required?: boolean;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
}) {
  return (
    <fieldset className="filter-fieldset">
      <legend className="sr-only">{legend}</legend>
      <label htmlFor={`${id}-from`} className="sr-only">
        {startLabel}
      </label>
      <label htmlFor={`${id}-to`} className="sr-only">
        {endLabel}
      </label>
      <DatePicker.RangePicker
        id={{ start: `${id}-from`, end: `${id}-to` }}
        format="DD/MM/YYYY"
        placeholder={[startLabel, endLabel]}
        allowClear={!required}
        allowEmpty={required ? [false, false] : [true, true]}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        onChange={(range) => {
          const next = { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
          if (required && (!next.from || !next.to)) return;
          onChange(next);
        }}
      />
    </fieldset>
  );
}
