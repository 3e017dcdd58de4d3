import { BulbOutlined, CrownFilled, PhoneOutlined } from '@ant-design/icons';
import { discGuides, discStyles } from '@manyi/core';
import { Alert, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Person } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { discColours } from '../persons/disc-colours';

type ReporterCardProps = {
  person: Person | null;
  /** What the ticket recorded when the caller is not a known resident. */
  fallback?: { name: string; phone: string | null; householdLabel: string | null };
};

/**
 * Who is on the line and how to talk to them (DESIGN §1 DISC row): VIP, household and the
 * handling tip of their communication style, right where the agent is typing.
 */
export function ReporterCard({ person, fallback }: ReporterCardProps) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const name = person?.name ?? fallback?.name ?? '—';
  const phone = person?.phone ?? fallback?.phone ?? null;
  const household = person?.householdLabel ?? fallback?.householdLabel ?? null;
  const guide = person?.discStyle ? discGuides[person.discStyle] : null;
  return (
    <Flex vertical gap={8} data-testid="reporter-card">
      <Space size={6} wrap>
        {person?.isVip ? <CrownFilled style={{ color: '#faad14' }} /> : null}
        {person ? (
          <Link to={`/persons/${person.id}`} style={{ fontWeight: 600, fontSize: 15 }} data-testid="reporter-name">
            {name}
          </Link>
        ) : (
          <Typography.Text strong style={{ fontSize: 15 }} data-testid="reporter-name">
            {name}
          </Typography.Text>
        )}
        {person?.isVip ? (
          <Tag color="gold" data-testid="reporter-vip">
            VIP
          </Tag>
        ) : null}
        {person?.discStyle ? <Tag color={discColours[person.discStyle]}>{label(discStyles, person.discStyle)}</Tag> : null}
      </Space>
      <Typography.Text type="secondary">
        {phone ? (
          <>
            <PhoneOutlined /> {phone}
          </>
        ) : null}
        {household ? ` · ${household}` : ''}
        {person ? ` · ${person.projectName}` : ''}
      </Typography.Text>
      {person && person.tags.length > 0 ? (
        <Space size={[4, 4]} wrap>
          {person.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ) : null}
      {guide ? (
        <Alert
          type="info"
          showIcon
          icon={<BulbOutlined />}
          title={t('serviceDesk.discTip', { style: label(discStyles, person?.discStyle) })}
          description={`${text(guide.key)}(${text(guide.behaviour)} · ${text(guide.expression)})`}
          data-testid="reporter-disc"
        />
      ) : person ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('profile.discUnknown')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
