import { Table, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * antd's Table, made keyboard-friendly when it scrolls sideways (phones): the scroll
 * container becomes a focusable, labelled region so it can be scrolled with the arrow keys.
 */
export function DataTable<T extends object>({ label, ...props }: TableProps<T> & { label: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const apply = () => {
      for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
        const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        if (scrolls) {
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', label);
        } else {
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      }
    };
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(root);
    for (const table of root.querySelectorAll('table')) observer.observe(table);
    return () => observer.disconnect();
  });

  return (
    <div ref={ref} className="data-table">
      <Table<T> scroll={{ x: 'max-content' }} size="middle" {...props} />
    </div>
  );
}
