/** The home page's "Thi đua" card for a member agency or a commune: its open campaigns, its score and status. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { assessmentQuery, campaignsQuery } from './api.ts';
import { formatPoints } from './helpers.ts';
import { AssessmentStatusTag, ClassificationTag } from './ui.tsx';

export function EmulationHomeCard() {
  const { t } = useTranslation();
  const campaigns = useQuery(campaignsQuery({ page: 1, pageSize: 20 }));
  const open = (campaigns.data?.items ?? []).filter(
    (c) => c.myUnitIds.length > 0 && (c.status === 'self_assessment' || c.status === 'review'),
  );
  return (
    <section aria-labelledby="home-emulation" style={{ marginTop: 16 }}>
      <Card
        title={
          <h2 id="home-emulation" className="card-title">
            {t('emulation.home.title')}
          </h2>
        }
      >
        {campaigns.isError ? (
          <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : campaigns.isPending ? (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        ) : open.length === 0 ? (
          <p className="muted" style={{ marginTop: 0 }}>
            {t('emulation.home.none')}
          </p>
        ) : (
          <ul className="plain-list em-home-list">
            {open.flatMap((c) =>
              c.myUnitIds.map((unitId) => (
                <HomeLine key={`${c.id}:${unitId}`} campaignId={c.id} unitId={unitId} name={c.name} />
              )),
            )}
          </ul>
        )}
        <p style={{ marginBottom: 0, marginTop: 16 }}>
          <Link to="/emulation" search={{}}>
            {t('emulation.home.viewAll')}
          </Link>
        </p>
      </Card>
    </section>
  );
}

function HomeLine({ campaignId, unitId, name }: { campaignId: number; unitId: number; name: string }) {
  const { t } = useTranslation();
  const a = useQuery(assessmentQuery(campaignId, unitId));
  return (
    <li>
      <Link
        to="/emulation/$campaignId/units/$unitId"
        params={{ campaignId: String(campaignId), unitId: String(unitId) }}
      >
        {name}
      </Link>
      {a.data ? (
        <p className="em-home-score">
          {t('emulation.home.score', { score: formatPoints(a.data.totals.score) })}{' '}
          <ClassificationTag value={a.data.classification} /> <AssessmentStatusTag status={a.data.status} />
        </p>
      ) : null}
    </li>
  );
}
