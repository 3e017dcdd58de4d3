import { normalisePhone } from '@manyi/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useOwnerMe, useRequestOtp, useVerifyOtp } from '../api/owner';
import { errorMessage } from '../api/problem';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame, rememberTenantCode, rememberedTenantCode } from './OwnerFrame';
import { useOwnerTexts } from './texts';
import { Alert, Button, Input, Title, useToast } from './ui';

type Field = 'tenantCode' | 'phone' | 'code';
type Problems = Partial<Record<Field, string>>;

const resendSeconds = 60;

export function OwnerLoginPage() {
  const t = useOwnerTexts();
  const toast = useToast();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useOwnerMe();
  const requestOtp = useRequestOtp();
  const verify = useVerifyOtp();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const tenantFromLink = params.get('c') ?? rememberedTenantCode() ?? '';
  const [tenantCode, setTenantCode] = useState(tenantFromLink);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problems>({});
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

  /** The named fields' problems, shown under each; none means they may be sent. */
  const check = (fields: Field[]): boolean => {
    const found: Problems = {};
    if (fields.includes('tenantCode') && !tenantCode.trim()) found.tenantCode = t('owner.tenantCodePlaceholder');
    if (fields.includes('phone')) {
      if (!phone.trim()) found.phone = t('owner.phonePlaceholder');
      else if (!normalisePhone(phone)) found.phone = t('owner.phoneInvalid');
    }
    if (fields.includes('code') && !/^\d{6}$/.test(code.trim())) found.code = t('owner.codePlaceholder');
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  const sendCode = async () => {
    if (!check(['tenantCode', 'phone'])) return;
    try {
      await requestOtp.mutateAsync({ tenantCode: tenantCode.trim(), phone: normalisePhone(phone) ?? phone });
      setSecondsLeft(resendSeconds);
      toast.success(t('owner.codeSent'));
    } catch (error) {
      toast.error(errorMessage(error, t('owner.requestFailed')));
    }
  };

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    if (!check(['tenantCode', 'phone', 'code'])) return;
    try {
      const owner = await verify.mutateAsync({ tenantCode: tenantCode.trim(), phone: normalisePhone(phone) ?? phone, code: code.trim() });
      rememberTenantCode(owner.tenant.code);
      // The survey page is a separate entry (answer.html), so it is a full page load, not a client-side route.
      if (next) window.location.replace(next);
      else void navigate('/h5', { replace: true });
    } catch {
      // Shown in the alert below the form.
    }
  };

  const problem = (field: Field) =>
    problems[field] ? (
      <div className="o-field-error" id={`owner-${field}-error`}>
        {problems[field]}
      </div>
    ) : null;

  return (
    <OwnerFrame title={t('owner.loginTitle')}>
      <OwnerCard padding={20}>
        <Title level={4}>{t('owner.loginTitle')}</Title>
        <form onSubmit={(event) => void signIn(event)} noValidate>
          {/* The company code normally arrives in the link (?c=…); ask only when it did not. */}
          {tenantFromLink === '' ? (
            <div className="o-field">
              <label htmlFor="owner-tenant">{t('owner.tenantCode')}</label>
              <Input
                id="owner-tenant"
                value={tenantCode}
                onChange={setTenantCode}
                invalid={Boolean(problems.tenantCode)}
                placeholder={t('owner.tenantCodePlaceholder')}
                autoCapitalize="off"
                data-testid="owner-tenant"
              />
              {problem('tenantCode')}
            </div>
          ) : null}
          <div className="o-field">
            <label htmlFor="owner-phone">{t('owner.phone')}</label>
            <Input
              id="owner-phone"
              value={phone}
              onChange={setPhone}
              invalid={Boolean(problems.phone)}
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder={t('owner.phonePlaceholder')}
              data-testid="owner-phone"
            />
            {problem('phone')}
          </div>
          <div className="o-field">
            <label htmlFor="owner-code">{t('owner.code')}</label>
            <div style={{ display: 'flex', gap: 8 }}>
              <Input
                id="owner-code"
                value={code}
                onChange={setCode}
                invalid={Boolean(problems.code)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder={t('owner.codePlaceholder')}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="owner-code"
              />
              <Button
                size="large"
                onClick={() => void sendCode()}
                disabled={secondsLeft > 0}
                loading={requestOtp.isPending}
                style={{ minWidth: 120 }}
                data-testid="owner-send-code"
              >
                {secondsLeft > 0 ? t('owner.resend', { seconds: secondsLeft }) : t('owner.sendCode')}
              </Button>
            </div>
            {problem('code')}
          </div>
          {verify.isError ? (
            <Alert type="error" title={errorMessage(verify.error, t('owner.requestFailed'))} style={{ marginBottom: 16 }} data-testid="owner-login-error" />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={verify.isPending}
            style={{ height: 48, fontSize: 17 }}
            data-testid="owner-submit"
          >
            {t('owner.submit')}
          </Button>
        </form>
      </OwnerCard>
    </OwnerFrame>
  );
}
