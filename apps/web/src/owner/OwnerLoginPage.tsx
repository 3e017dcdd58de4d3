import { normalisePhone } from '@manyi/core';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useOwnerMe, useRequestOtp, useVerifyOtp } from '../api/owner';
import { errorMessage } from '../api/problem';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame, rememberTenantCode, rememberedTenantCode } from './OwnerFrame';
import { validValues } from '../shared/validate-form';
import { useMessage } from '../shared/MessageProvider';

type OtpForm = { tenantCode: string; phone: string; code: string };

const resendSeconds = 60;

export function OwnerLoginPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<OtpForm>();
  const me = useOwnerMe();
  const requestOtp = useRequestOtp();
  const verify = useVerifyOtp();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const tenantFromLink = params.get('c') ?? rememberedTenantCode() ?? '';
  // Back to where sign-in was asked for: only the survey pages (/s/…), so the link cannot send owners elsewhere.
  const next = params.get('next')?.startsWith('/s/') ? params.get('next')! : null;

  // One tick per second while the resend button is locked.
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  if (me.data) {
    if (next) window.location.replace(next);
    return next ? null : <Navigate to="/h5" replace />;
  }

  const sendCode = async () => {
    const values = await validValues(form, ['tenantCode', 'phone']);
    if (!values) return;
    const { tenantCode, phone } = values;
    try {
      await requestOtp.mutateAsync({ tenantCode: tenantCode.trim(), phone: normalisePhone(phone) ?? phone });
      setSecondsLeft(resendSeconds);
      void message.success(t('owner.codeSent'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  const signIn = async (values: OtpForm) => {
    try {
      const owner = await verify.mutateAsync({
        tenantCode: values.tenantCode.trim(),
        phone: normalisePhone(values.phone) ?? values.phone,
        code: values.code.trim(),
      });
      rememberTenantCode(owner.tenant.code);
      // The survey page is a separate entry (answer.html), so it is a full page load, not a client-side route.
      if (next) window.location.replace(next);
      else void navigate('/h5', { replace: true });
    } catch {
      // Shown in the alert below the form.
    }
  };

  return (
    <OwnerFrame title={t('owner.loginTitle')}>
      <OwnerCard padding={20}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('owner.loginTitle')}
        </Typography.Title>
        <Form<OtpForm>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={{ tenantCode: tenantFromLink }}
          onFinish={(values) => void signIn(values)}
        >
          {/* The company code normally arrives in the link (?c=…); ask only when it did not. */}
          <Form.Item
            name="tenantCode"
            label={t('owner.tenantCode')}
            hidden={tenantFromLink !== ''}
            rules={[{ required: true, whitespace: true, message: t('owner.tenantCodePlaceholder') }]}
          >
            <Input placeholder={t('owner.tenantCodePlaceholder')} autoCapitalize="off" data-testid="owner-tenant" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('owner.phone')}
            rules={[
              { required: true, message: t('owner.phonePlaceholder') },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || normalisePhone(value) ? Promise.resolve() : Promise.reject(new Error(t('persons.phoneInvalid'))),
              },
            ]}
          >
            <Input inputMode="tel" autoComplete="tel" maxLength={20} placeholder={t('owner.phonePlaceholder')} data-testid="owner-phone" />
          </Form.Item>
          <Form.Item label={t('owner.code')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('owner.codePlaceholder') }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('owner.codePlaceholder')} data-testid="owner-code" />
              </Form.Item>
              <Button
                onClick={() => void sendCode()}
                disabled={secondsLeft > 0}
                loading={requestOtp.isPending}
                style={{ minWidth: 120 }}
                data-testid="owner-send-code"
              >
                {secondsLeft > 0 ? t('owner.resend', { seconds: secondsLeft }) : t('owner.sendCode')}
              </Button>
            </Space.Compact>
          </Form.Item>
          {verify.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(verify.error, t('common.requestFailed'))}
              style={{ marginBottom: 16 }}
              data-testid="owner-login-error"
            />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={verify.isPending} style={{ height: 48, fontSize: 17 }} data-testid="owner-submit">
            {t('owner.submit')}
          </Button>
        </Form>
      </OwnerCard>
    </OwnerFrame>
  );
}
