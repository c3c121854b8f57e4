import { SearchOutlined } from '@ant-design/icons';
import type { TablePaginationConfig } from 'antd';
import { Button, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../search.ts';

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
