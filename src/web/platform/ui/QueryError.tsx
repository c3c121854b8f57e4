import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';

/** A failed query: the server's message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = isApiError(error) ? error.message : t('errors.generic');
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
