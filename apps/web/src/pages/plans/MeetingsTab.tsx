import { oridLevels } from '@manyi/core';
import { meetingKinds } from '@manyi/contracts/meetings';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useCreateMeeting, useMeetingNotes, useMeetings, type Meeting } from '../../api/plans';
import { ApiError, errorMessage } from '../../api/problem';
import { useProjectOptions } from '../../api/projects';
import { useProjectScope } from '../../layout/ProjectScope';
import { useMessage } from '../../shared/MessageProvider';
import { ModalFormButton } from '../../shared/ModalFormButton';

function CreateMeeting() {
  const { t } = useTranslation();
  const message = useMessage();
  const projects = useProjectOptions();
  const create = useCreateMeeting();
  const [form] = Form.useForm<{ projectId: string; kind: (typeof meetingKinds)[number]; title: string; heldOn: Dayjs }>();
  return (
    <ModalFormButton
      label={t('plans.newMeeting')}
      testId="meeting-create"
      form={form}
      pending={create.isPending}
      initialValues={{ kind: 'town_hall' }}
      onFinish={(values, close) =>
        create.mutate(
          { projectId: values.projectId, kind: values.kind, title: values.title, heldOn: values.heldOn.format('YYYY-MM-DD') },
          { onSuccess: close, onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) },
        )
      }
    >
      <Form.Item name="projectId" label={t('plans.project')} rules={[{ required: true }]}>
        <Select options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))} data-testid="meeting-project" />
      </Form.Item>
      <Form.Item name="kind" label={t('plans.kinds.town_hall')}>
        <Select options={meetingKinds.map((value) => ({ value, label: t(`plans.kinds.${value}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('plans.meetingTitle')} rules={[{ required: true, max: 80 }]}>
        <Input data-testid="meeting-title" />
      </Form.Item>
      <Form.Item name="heldOn" label={t('plans.heldOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="meeting-date" />
      </Form.Item>
    </ModalFormButton>
  );
}

type NotesValues = { orid: Meeting['orid']; takeaways: string[]; tools: string[]; action: string };

/** ORID review and the 5-3-1 wrap-up of one meeting; server errors land on their fields. */
function MeetingNotes({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useMeetingNotes();
  const manages = useAbility('action.manage');
  const [form] = Form.useForm<NotesValues>();
  const pad = (list: string[], size: number) => [...list, ...Array.from({ length: Math.max(0, size - list.length) }, () => '')];
  const onError = (error: unknown) => {
    if (error instanceof ApiError)
      form.setFields(
        error.fieldErrors.map((field) => {
          const [group, name] = field.field.split('.');
          return { name: (group === 'orid' ? ['orid', name] : [name]) as never, errors: [field.message] };
        }),
      );
    void message.error(errorMessage(error, t('common.requestFailed')));
  };
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!manages}
      initialValues={{ orid: meeting.orid, takeaways: pad(meeting.wrapUp.takeaways, 5), tools: pad(meeting.wrapUp.tools, 3), action: meeting.wrapUp.action }}
    >
      <Flex gap={16} wrap>
        <Card size="small" title={t('plans.orid')} style={{ flex: '1 1 360px' }}>
          {oridLevels.map((level) => (
            <Form.Item key={level} name={['orid', level]} label={t(`plans.oridLevels.${level}`)}>
              <Input.TextArea rows={2} data-testid={`orid-${level}`} />
            </Form.Item>
          ))}
          <Button
            onClick={() =>
              save.mutate(
                { id: meeting.id, body: { orid: form.getFieldValue('orid') as Meeting['orid'] } },
                { onSuccess: () => void message.success(t('plans.saved')), onError },
              )
            }
            data-testid="orid-save"
          >
            {t('plans.save')}
          </Button>
        </Card>
        <Card size="small" title={t('plans.wrapUp')} style={{ flex: '1 1 360px' }}>
          <Form.Item label={t('plans.takeaways')}>
            {[0, 1, 2, 3, 4].map((index) => (
              <Form.Item key={index} name={['takeaways', index]} noStyle>
                <Input style={{ marginBottom: 4 }} prefix={`${index + 1}.`} data-testid={`takeaway-${index}`} />
              </Form.Item>
            ))}
          </Form.Item>
          <Form.Item name="takeaways" hidden>
            <Input />
          </Form.Item>
          <Form.Item label={t('plans.tools')}>
            {[0, 1, 2].map((index) => (
              <Form.Item key={index} name={['tools', index]} noStyle>
                <Input style={{ marginBottom: 4 }} prefix={`${index + 1}.`} data-testid={`tool-${index}`} />
              </Form.Item>
            ))}
          </Form.Item>
          <Form.Item name="action" label={t('plans.oneAction')}>
            <Input data-testid="wrapup-action" />
          </Form.Item>
          <Button
            onClick={() => {
              const values = form.getFieldsValue(true) as NotesValues;
              save.mutate(
                { id: meeting.id, body: { wrapUp: { takeaways: values.takeaways, tools: values.tools, action: values.action ?? '' } } },
                { onSuccess: () => void message.success(t('plans.saved')), onError },
              );
            }}
            data-testid="wrapup-save"
          >
            {t('plans.save')}
          </Button>
        </Card>
      </Flex>
    </Form>
  );
}

/** Town halls (城镇会议) and weekly meetings: ORID, 5-3-1, and the projector view of every team's plan. */
export function MeetingsTab() {
  const { t } = useTranslation();
  const { projectId } = useProjectScope();
  const manages = useAbility('action.manage');
  const meetings = useMeetings(projectId);
  if (meetings.isError) return <Alert type="error" message={errorMessage(meetings.error, t('common.loadFailed'))} />;
  return (
    <Flex vertical gap={12}>
      {manages ? (
        <Flex justify="end">
          <CreateMeeting />
        </Flex>
      ) : null}
      <Table<Meeting>
        rowKey="id"
        loading={meetings.isPending}
        dataSource={meetings.data?.items ?? []}
        locale={{ emptyText: t('plans.meetingsEmpty') }}
        pagination={false}
        expandable={{ expandedRowRender: (row) => <MeetingNotes meeting={row} /> }}
        columns={[
          { title: t('plans.heldOn'), dataIndex: 'heldOn' },
          { title: t('plans.meetingTitle'), render: (_, row) => <span data-testid="meeting-row">{row.title}</span> },
          { title: t('plans.project'), dataIndex: 'projectName' },
          { title: '', render: (_, row) => <Tag>{t(`plans.kinds.${row.kind}`)}</Tag> },
          {
            title: '',
            render: (_, row) => (
              <Link to={`/town-hall/${row.id}`} target="_blank" data-testid="town-hall-link">
                {t('plans.townHall')}
              </Link>
            ),
          },
        ]}
      />
    </Flex>
  );
}
