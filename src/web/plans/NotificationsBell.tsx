import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../platform/format.ts';
import { type AppNotification, markNotificationRead, notificationsQuery } from './api.ts';
import { isoInstant, localizeDates } from './ui.tsx';
import './plans.css';

/** How long after the page loads the bell first asks for notifications. */
const BELL_DELAY_MS = 3000;

/** Only same-site paths are followed. */
const isInternal = (link: string | null): link is string =>
  typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');

/** The header's bell: the unit's unread count, and the latest notifications in a menu. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The page's own data comes first (slow mobile links in the mountains): the bell asks a little later.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setReady(true), BELL_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
  const notifications = useQuery({ ...notificationsQuery(), enabled: ready });
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const markRead = useMutation({
    mutationFn: (n: AppNotification) => (n.readAt ? Promise.resolve() : markNotificationRead(n.id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });

  const open = (n: AppNotification) => {
    markRead.mutate(n);
    if (isInternal(n.link)) void navigate({ href: n.link });
  };

  const menuItems: MenuProps['items'] = !notifications.data
    ? [
        {
          key: 'status',
          disabled: true,
          label: notifications.isError ? t('notifications.failed') : t('notifications.loading'),
        },
      ]
    : items.length === 0
      ? [{ key: 'empty', disabled: true, label: t('notifications.empty') }]
      : items.slice(0, 20).map((n) => ({
          key: String(n.id),
          className: n.readAt ? 'notification-item' : 'notification-item unread',
          label: (
            <span className="notification-label">
              <strong>
                {n.readAt ? null : <span className="sr-only">{t('notifications.unreadMark')} </span>}
                {localizeDates(n.title)}
              </strong>
              {n.body ? <span className="notification-body">{localizeDates(n.body)}</span> : null}
              <span className="notification-meta">
                {n.orgUnitName} ·{' '}
                <time dateTime={isoInstant(n.createdAt)}>{formatDateTime(isoInstant(n.createdAt))}</time>
              </span>
            </span>
          ),
        }));

  const label = unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      onOpenChange={(open) => {
        if (open) setReady(true);
      }}
      classNames={{ root: 'notification-dropdown' }}
      menu={{
        items: menuItems,
        onClick: ({ key }) => {
          const n = items.find((x) => String(x.id) === key);
          if (n) open(n);
        },
      }}
    >
      <Button type="text" className="bell-button" aria-label={label} title={label}>
        <BellOutlined aria-hidden />
        {unread > 0 ? (
          <span className="bell-count" aria-hidden>
            {unread > 99 ? '99+' : formatNumber(unread)}
          </span>
        ) : null}
      </Button>
    </Dropdown>
  );
}
