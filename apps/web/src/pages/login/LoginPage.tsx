import { BankOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLogin, useMe } from '../../api/auth';
import { ApiError, errorMessage } from '../../api/problem';
import { LanguageSwitch } from '../../layout/LanguageSwitch';

type LoginForm = { login: string; password: string; company?: string };

/** Where the user was heading when the session was missing; only in-app paths are honoured. */
function returnPath(state: unknown): string {
  if (state !== null && typeof state === 'object' && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const target = returnPath(location.state);
  // Logins are unique per company: the company code is asked for only when the same login and password
  // exist in two companies (the server answers company_required), or comes with the link (?c=demo).
  const companyFromLink = new URLSearchParams(location.search).get('c') ?? undefined;
  const needsCompany = companyFromLink !== undefined || (login.error instanceof ApiError && login.error.code === 'company_required');

  if (me.data) return <Navigate to={target} replace />;

  const submit = async (values: LoginForm) => {
    try {
      await login.mutateAsync({ login: values.login, password: values.password, ...(values.company?.trim() && { company: values.company.trim() }) });
      void navigate(target, { replace: true });
    } catch {
      // The mutation's error is rendered below the form.
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)' }}>
      <Card style={{ width: '100%', maxWidth: 380 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span
            aria-hidden
            style={{
              width: 48,
              height: 48,
              borderRadius: 12,
              background: '#1677ff',
              color: '#fff',
              display: 'grid',
              placeItems: 'center',
              fontSize: 24,
              fontWeight: 700,
            }}
          >
            满
          </span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('app.tagline')} · {t('login.title')}
          </Typography.Text>
        </Flex>
        <Form<LoginForm>
          layout="vertical"
          size="large"
          onFinish={(values) => void submit(values)}
          requiredMark={false}
          initialValues={{ company: companyFromLink }}
        >
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.loginPlaceholder') }]}>
            <Input prefix={<UserOutlined />} placeholder={t('login.loginPlaceholder')} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordPlaceholder') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {needsCompany ? (
            <Form.Item name="company" label={t('login.company')} rules={[{ required: true, message: t('login.companyPlaceholder') }]}>
              <Input prefix={<BankOutlined />} placeholder={t('login.companyPlaceholder')} autoComplete="organization" data-testid="login-company" />
            </Form.Item>
          ) : null}
          {login.isError ? (
            <Alert type="error" showIcon title={errorMessage(login.error, t('login.failed'))} style={{ marginBottom: 16 }} data-testid="login-error" />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <div style={{ marginTop: 16 }}>
        <LanguageSwitch />
      </div>
    </Flex>
  );
}
