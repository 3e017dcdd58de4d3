import { useNavigate } from 'react-router-dom';
import { Icon } from '../icons';
import { useOwnerTexts } from '../texts';
import { Button } from '../ui';

/** A large back target under the title bar: the H5 frame has no browser chrome inside WeChat. */
export function OwnerBackLink({ to, label }: { to: string; label?: string }) {
  const t = useOwnerTexts();
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      icon={<Icon name="left" />}
      onClick={() => void navigate(to)}
      style={{ padding: 0, height: 40, alignSelf: 'flex-start', gap: 4 }}
      data-testid="owner-back"
    >
      {label ?? t('owner.back')}
    </Button>
  );
}
