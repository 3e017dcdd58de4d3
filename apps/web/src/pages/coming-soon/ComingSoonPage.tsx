import { RocketOutlined } from '@ant-design/icons';
import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type ModuleName = 'serviceDesk' | 'surveys' | 'analytics' | 'experience';

export function ComingSoonPage({ module }: { module: ModuleName }) {
  const { t } = useTranslation();
  const name = t(`nav.${module}`);
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: 420 }} data-testid="coming-soon">
      <Empty
        image={<RocketOutlined style={{ fontSize: 64, color: '#1677ff' }} />}
        styles={{ image: { height: 80 } }}
        description={
          <Flex vertical align="center" gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {name} <Tag color="blue">{t('comingSoon.badge')}</Tag>
            </Typography.Title>
            <Typography.Text type="secondary">{t('comingSoon.description', { module: name })}</Typography.Text>
          </Flex>
        }
      />
    </Flex>
  );
}
