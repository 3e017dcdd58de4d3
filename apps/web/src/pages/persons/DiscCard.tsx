import { BulbOutlined } from '@ant-design/icons';
import { discGuides, discStyles, type DiscStyle } from '@manyi/core';
import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../i18n/vocabulary';
import { discColours } from './disc-colours';

/** The handling tips from the training (seed 001) beside the owner, where the steward needs them. */
export function DiscCard({ discStyle }: { discStyle: DiscStyle | null }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const guide = discStyle ? discGuides[discStyle] : null;
  return (
    <Card
      size="small"
      title={t('profile.discTitle')}
      extra={discStyle ? <Tag color={discColours[discStyle]}>{label(discStyles, discStyle)}</Tag> : null}
      data-testid="profile-disc"
    >
      {guide ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'behaviour', label: t('profile.behaviour'), children: text(guide.behaviour) },
              { key: 'expression', label: t('profile.expression'), children: text(guide.expression) },
              { key: 'thinking', label: t('profile.thinking'), children: text(guide.thinking) },
            ]}
          />
          <Alert type="info" icon={<BulbOutlined />} showIcon style={{ marginTop: 8 }} title={t('profile.key')} description={text(guide.key)} />
        </>
      ) : (
        <Typography.Text type="secondary">{t('profile.discUnknown')}</Typography.Text>
      )}
    </Card>
  );
}
