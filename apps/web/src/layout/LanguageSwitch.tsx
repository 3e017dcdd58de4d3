import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale } from '../i18n/LocaleProvider';

/** Shows the language you would switch to, in that language, so anyone can find their way back. */
export function LanguageSwitch({ inverted = false }: { inverted?: boolean }) {
  const { locale, setLocale } = useLocale();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      data-testid="language-switch"
      type="text"
      style={inverted ? { color: '#fff' } : undefined}
      icon={<TranslationOutlined />}
      onClick={() => setLocale(next)}
    >
      {next === 'en-US' ? 'English' : '中文'}
    </Button>
  );
}
