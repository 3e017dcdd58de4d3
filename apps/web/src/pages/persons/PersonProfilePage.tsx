import { ArrowLeftOutlined, CrownFilled, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { personRoles } from '@manyi/core';
import { Avatar, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePersonProfile } from '../../api/persons';
import { ApiError } from '../../api/problem';
import type { Person } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { ItemList } from '../../shared/ItemList';
import { ListEmpty } from '../../shared/ListEmpty';
import { DiscCard } from './DiscCard';
import { InviteButton } from './InviteButton';
import { PersonDrawer } from './PersonDrawer';
import { ProfileTimeline } from './ProfileTimeline';

/** Everything a steward should know before calling an owner back, on one screen. */
export function PersonProfilePage() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const profile = usePersonProfile(id);
  const [editing, setEditing] = useState<{ person: Person } | null>(null);

  if (profile.isPending) return <Skeleton active avatar paragraph={{ rows: 10 }} />;
  if (profile.isError) {
    const missing = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('profile.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : profile.error.message}
        extra={<Button onClick={() => void navigate('/persons')}>{t('common.back')}</Button>}
      />
    );
  }

  const { person, household, members, timeline } = profile.data;
  const others = members.filter((member) => member.id !== person.id);

  return (
    <Flex vertical gap={16} data-testid="person-profile">
      <Card>
        <Flex wrap gap={16} justify="space-between" align="flex-start">
          <Flex gap={16} align="center">
            <Avatar size={64} style={{ background: person.isVip ? '#faad14' : '#1677ff', fontSize: 28, flexShrink: 0 }}>
              {person.name.slice(0, 1)}
            </Avatar>
            <div>
              <Space size={8} wrap>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-name">
                  {person.name}
                </Typography.Title>
                <Tag color="blue">{label(personRoles, person.role)}</Tag>
                {person.isVip ? (
                  <Tag color="gold" icon={<CrownFilled />} data-testid="profile-vip">
                    VIP
                  </Tag>
                ) : null}
              </Space>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 3 }}
                style={{ marginTop: 8 }}
                items={[
                  { key: 'phone', label: <PhoneOutlined />, children: person.phone ?? '—' },
                  { key: 'household', label: t('persons.household'), children: household.label },
                  { key: 'project', label: t('persons.project'), children: person.projectName },
                ]}
              />
              {person.tags.length > 0 ? (
                <Space size={[4, 4]} wrap>
                  {person.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                </Space>
              ) : null}
              {person.note ? (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {person.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          </Flex>
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
              {t('common.back')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing({ person })} data-testid="profile-edit">
              {t('common.edit')}
            </Button>
            <InviteButton personId={person.id} />
          </Space>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('profile.timeline')}>
            <ProfileTimeline entries={timeline} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <DiscCard discStyle={person.discStyle} />
            <Card size="small" title={t('profile.members')} data-testid="profile-members">
              <ItemList
                items={others}
                rowKey={(member) => member.id}
                empty={<ListEmpty description={t('profile.noMembers')} />}
                renderItem={(member) => (
                  <Flex justify="space-between" align="center" style={{ padding: '8px 4px' }}>
                    <Space size={6}>
                      {member.isVip ? <CrownFilled style={{ color: '#faad14' }} /> : null}
                      <Link to={`/persons/${member.id}`}>{member.name}</Link>
                      <Typography.Text type="secondary">{label(personRoles, member.role)}</Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">{member.phone ?? ''}</Typography.Text>
                  </Flex>
                )}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
      <PersonDrawer editing={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
