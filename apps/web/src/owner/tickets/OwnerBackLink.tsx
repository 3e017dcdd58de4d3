import { LeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** A large back target under the title bar: the H5 frame has no browser chrome inside WeChat. */
export function OwnerBackLink({ to, label }: { to: string; label?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      icon={<LeftOutlined />}
      onClick={() => void navigate(to)}
      style={{ padding: 0, height: 40, alignSelf: 'flex-start' }}
      data-testid="owner-back"
    >
      {label ?? t('common.back')}
    </Button>
  );
}
