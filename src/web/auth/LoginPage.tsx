import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../platform/api.ts';
import { metaQuery, type Role, type Session, safeRedirect, sessionQuery } from '../platform/auth.tsx';
import { LanguageSwitch } from '../platform/layout/LanguageSwitch.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';

const routeApi = getRouteApi('/login');

interface LoginValues {
  username: string;
  password: string;
}

const DEMO_PASSWORD = 'ATGT@demo2025';

type DemoNote = 'congan' | 'xaydung' | 'capcuu' | 'xaBinhLu' | 'phuongTanPhong';
const DEMO_ACCOUNTS: { username: string; role: Role; note?: DemoNote }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'vanphong', role: 'office' },
  { username: 'lanhdao', role: 'leader' },
  { username: 'congan', role: 'agency', note: 'congan' },
  { username: 'xaydung', role: 'agency', note: 'xaydung' },
  { username: 'capcuu', role: 'agency', note: 'capcuu' },
  { username: 'xa.binhlu', role: 'commune', note: 'xaBinhLu' },
  { username: 'phuong.tanphong', role: 'commune', note: 'phuongTanPhong' },
];

export function LoginPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginValues>();
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const meta = useQuery(metaQuery);

  const login = useMutation({
    mutationFn: (values: LoginValues) => api.post<Session>('/auth/login', values),
    onMutate: () => setErrorMessage(null),
    onSuccess: async (session) => {
      // Nothing cached for a previous user may show to this one.
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQuery.queryKey, session);
      await router.navigate({ href: safeRedirect(search.redirect) });
    },
    onError: (error) => setErrorMessage(applyServerErrors(form, error, ['username', 'password'])),
  });

  const provinceName = meta.data?.provinceName;
  const productName = provinceName
    ? t('app.productName', { province: provinceName })
    : t('app.productNameNoProvince');

  const fillDemoAccount = (username: string) => {
    form.setFieldsValue({ username, password: DEMO_PASSWORD });
    setErrorMessage(null);
    form.getFieldInstance('password')?.focus?.();
  };

  return (
    <main id="main" tabIndex={-1} className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <p className="login-brand">{productName}</p>
      <p>
        <Link to="/cong-khai">{t('transparency.linkFromLogin')}</Link>
      </p>
      {meta.data?.demo ? (
        <div role="status" className="demo-banner" style={{ width: '100%', maxWidth: 960, marginBottom: 16 }}>
          {t('app.demoBanner')}
        </div>
      ) : null}
      <div className="login-columns">
        <Card className="login-card">
          <PageHeader title={t('login.title')} intro={t('login.intro')} />
          {errorMessage ? (
            <Alert type="error" showIcon role="alert" title={errorMessage} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<LoginValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            onValuesChange={() => errorMessage && setErrorMessage(null)}
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                autoFocus
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        {meta.data?.demo ? (
          <Card
            className="login-demo"
            title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('login.demoTitle')}</h2>}
          >
            <p style={{ marginTop: 0 }}>{t('login.demoIntro')}</p>
            <p>
              {t('login.demoPassword')} <code className="nowrap">{DEMO_PASSWORD}</code>
            </p>
            <Table
              size="small"
              rowKey="username"
              pagination={false}
              dataSource={DEMO_ACCOUNTS}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('login.demoAccount'),
                  dataIndex: 'username',
                  render: (username: string) => <code>{username}</code>,
                },
                {
                  title: t('login.demoRole'),
                  key: 'role',
                  render: (_: unknown, a: (typeof DEMO_ACCOUNTS)[number]) => (
                    <>
                      {t(`roles.${a.role}`)}
                      {a.note ? (
                        <span className="cell-secondary">{t(`login.demoNotes.${a.note}`)}</span>
                      ) : null}
                    </>
                  ),
                },
                {
                  title: <span className="sr-only">{t('common.actions')}</span>,
                  key: 'use',
                  render: (_: unknown, a: (typeof DEMO_ACCOUNTS)[number]) => (
                    <Button
                      size="small"
                      onClick={() => fillDemoAccount(a.username)}
                      aria-label={t('login.demoUse', { username: a.username })}
                    >
                      {t('login.demoUseShort')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </main>
  );
}
