import type { ReactNode } from 'react';
import { useLocale } from '../i18n/locale-context';
import { Text } from './ui';

/** Shows the language you would switch to, in that language, so anyone can find their way back. */
function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <button type="button" className="o-btn o-btn-text" style={{ color: '#fff' }} onClick={() => setLocale(next)} data-testid="language-switch">
      <span aria-hidden>文/A</span>
      {next === 'en-US' ? 'English' : '中文'}
    </button>
  );
}

/**
 * Owner pages are opened from WeChat or SMS on a phone: one column, at most 480 px wide even on
 * a desktop, system font sizes, and no navigation chrome beyond a title bar.
 */
export function OwnerFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ maxWidth: 480, margin: '0 auto', minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
        <header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            height: 52,
            padding: '0 12px 0 16px',
            background: '#1677ff',
            color: '#fff',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Text strong ellipsis style={{ color: '#fff', fontSize: 17 }}>
            {title}
          </Text>
          <LanguageSwitch />
        </header>
        <main style={{ flex: 1, padding: 16 }}>{children}</main>
      </div>
    </div>
  );
}

const tenantStorageKey = 'manyi.owner.tenantCode';

/** The company code from the last sign-in, so a bookmarked /h5 can send the owner back to the right login. */
export function rememberedTenantCode(): string | null {
  return localStorage.getItem(tenantStorageKey);
}

export function rememberTenantCode(code: string): void {
  localStorage.setItem(tenantStorageKey, code);
}

export function ownerLoginPath(): string {
  const code = rememberedTenantCode();
  return code ? `/h5/login?c=${encodeURIComponent(code)}` : '/h5/login';
}
