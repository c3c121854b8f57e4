import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { StandaloneMain } from './StatusPages.tsx';

/** A route failed to load (network down, server error, a lazy chunk missing after a deploy). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const message = isApiError(error) ? error.message : t('errors.generic');
  return (
    <StandaloneMain>
      <PageHeader title={t('errors.pageFailed')} />
      <Result
        status="error"
        title={<span className="result-code">{message}</span>}
        extra={[
          <Button
            key="retry"
            type="primary"
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            {t('errors.retry')}
          </Button>,
          <Button key="reload" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>,
        ]}
      />
    </StandaloneMain>
  );
}
