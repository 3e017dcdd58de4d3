import { GiftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth';
import {
  useDelightFromPraise,
  useDelightMoments,
  usePraiseCandidates,
  useRecordDelight,
  useRewardDelight,
  type DelightMoment,
  type PraiseCandidate,
} from '../../api/delight-moments';
import { errorMessage } from '../../api/problem';
import { useStaffDirectory } from '../../api/staff';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { formatDateTime } from '../../shared/time';

type RecordForm = { projectId: string; staffId: string; description: string };

function RecordModal({ open, onClose, praise }: { open: boolean; onClose: () => void; praise: PraiseCandidate | null }) {
  const { t } = useTranslation();
  const message = useMessage();
  const { projects, projectId } = useProjectScope();
  const [form] = Form.useForm<RecordForm>();
  const chosenProject = Form.useWatch('projectId', form) ?? praise?.projectId;
  const directory = useStaffDirectory(chosenProject);
  const record = useRecordDelight();
  const fromPraise = useDelightFromPraise();
  const submit = async (values: RecordForm) => {
    try {
      if (praise) await fromPraise.mutateAsync({ ticketId: praise.ticketId, staffId: values.staffId });
      else await record.mutateAsync({ projectId: values.projectId, staffId: values.staffId, description: values.description });
      void message.success(t('common.saved'));
      form.resetFields();
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Modal
      open={open}
      title={praise ? t('delight.fromPraise') : t('delight.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending || fromPraise.isPending}
      destroyOnHidden
    >
      {praise ? <Typography.Paragraph type="secondary">{`${praise.number}：${praise.description || praise.title}`}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" initialValues={{ projectId: praise?.projectId ?? projectId }} onFinish={(values) => void submit(values)}>
        {praise ? null : (
          <Form.Item name="projectId" label={t('delight.project')} rules={[{ required: true }]}>
            <Select options={projects.map((project) => ({ value: project.id, label: project.name }))} />
          </Form.Item>
        )}
        <Form.Item name="staffId" label={t('delight.staff')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={directory.isPending}
            options={directory.data?.items.map((entry) => ({ value: entry.id, label: entry.name }))}
            data-testid="delight-staff"
          />
        </Form.Item>
        {praise ? null : (
          <Form.Item name="description" label={t('delight.description')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} placeholder={t('delight.placeholder')} data-testid="delight-description" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function RewardButton({ moment }: { moment: DelightMoment }) {
  const { t } = useTranslation();
  const message = useMessage();
  const reward = useRewardDelight();
  const [open, setOpen] = useState(false);
  const [points, setPoints] = useState(3);
  const [note, setNote] = useState('');
  const submit = async () => {
    try {
      await reward.mutateAsync({ id: moment.id, points, note });
      setOpen(false);
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <>
      <Button size="small" icon={<GiftOutlined />} onClick={() => setOpen(true)} data-testid={`reward-${moment.id}`}>
        {t('delight.reward')}
      </Button>
      <Modal open={open} title={t('delight.reward')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={reward.isPending}>
        <Flex vertical gap={8}>
          <Space>
            {t('delight.points')}
            <InputNumber min={1} max={20} value={points} onChange={(value) => setPoints(value ?? 1)} />
          </Space>
          <Input.TextArea value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('delight.note')} maxLength={300} />
        </Flex>
      </Modal>
    </>
  );
}

/** 感动点: moments beyond expectations, from staff or owners' praise, rewarded by managers with points. */
export function DelightLog() {
  const { t } = useTranslation();
  const { projectId } = useProjectScope();
  const rewards = useAbility('delight.reward');
  const moments = useDelightMoments(projectId);
  const praise = usePraiseCandidates(projectId, rewards);
  const [recording, setRecording] = useState(false);
  const [fromPraise, setFromPraise] = useState<PraiseCandidate | null>(null);
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('delight.intro')}
      </Typography.Paragraph>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="delight-record">
          {t('delight.record')}
        </Button>
      </div>
      {rewards && (praise.data?.items.length ?? 0) > 0 ? (
        <List
          size="small"
          header={<strong>{t('delight.praiseTitle')}</strong>}
          bordered
          dataSource={praise.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button key="take" size="small" onClick={() => setFromPraise(item)}>
                  {t('delight.fromPraise')}
                </Button>,
              ]}
            >
              <Space>
                <Tag color="green">{item.number}</Tag>
                {item.description || item.title}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      <ListState isPending={moments.isPending} error={moments.error} refetch={moments.refetch}>
        <List
          data-testid="delight-list"
          dataSource={moments.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('delight.empty')} /> }}
          renderItem={(moment) => (
            <List.Item actions={rewards && moment.rewardedAt === null ? [<RewardButton key="reward" moment={moment} />] : []}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{moment.staffName}</span>
                    <Tag>{moment.projectName}</Tag>
                    <Tag color={moment.source === 'staff' ? 'blue' : 'green'}>{t(`delight.source.${moment.source}`)}</Tag>
                    {moment.rewardPoints !== null ? <Tag color="gold">{t('delight.rewarded', { points: moment.rewardPoints })}</Tag> : null}
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{moment.description}</Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {[
                        formatDateTime(moment.occurredAt),
                        moment.personName ? t('delight.owner', { name: moment.personName }) : null,
                        moment.recordedByName ? t('delight.recordedBy', { name: moment.recordedByName }) : null,
                        moment.touchpointId ? t('delight.touchpoint', { id: moment.touchpointId }) : null,
                        moment.rewardNote || null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </ListState>
      <RecordModal open={recording} onClose={() => setRecording(false)} praise={null} />
      <RecordModal open={fromPraise !== null} onClose={() => setFromPraise(null)} praise={fromPraise} />
    </Flex>
  );
}
