import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  complaintScopes,
  ticketChannels,
  ticketPriorities,
  ticketTypes,
  type ComplaintScope,
  type TicketChannel,
  type TicketPriority,
  type TicketType,
} from '@manyi/core';
import { Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCreateTicket } from '../../api/tickets';
import type { Person } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { PageHeader } from '../../shared/PageHeader';
import { useSaveForm } from '../../shared/useSaveForm';
import { HouseholdPicker } from '../persons/HouseholdPicker';
import { ActiveIncidentScripts } from './ActiveIncidents';
import { CategoryCascader, useCategoryIndex } from './CategoryCascader';
import { ReporterCard } from './ReporterCard';
import { ReporterSearch } from './ReporterSearch';
import { textLimits } from '@manyi/contracts/limits';
import { ticketBody } from '@manyi/contracts/tickets';

const limit = (field: 'title' | 'description' | 'location' | 'reporterName' | 'reporterPhone') => textLimits(ticketBody, field).max;

type TicketForm = {
  projectId: string;
  type: TicketType;
  channel: TicketChannel;
  categoryCode?: string;
  priority: TicketPriority;
  complaintScope?: ComplaintScope;
  title: string;
  description?: string;
  location?: string;
  householdId?: string;
  reporterPersonId?: string;
  reporterName?: string;
  reporterPhone?: string;
};

/**
 * Receiving a call on the 400 hotline: find the owner, pick the type and category, say what
 * happened, Enter. Everything has a sensible default so a complaint takes seconds, not minutes.
 */
export function TicketCreatePage() {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const navigate = useNavigate();
  const { projectId, projects } = useProjectScope();
  const [form] = Form.useForm<TicketForm>();
  const create = useCreateTicket();
  const categories = useCategoryIndex();
  const [reporter, setReporter] = useState<Person | null>(null);
  const titleTouched = useRef(false);
  const type = Form.useWatch('type', form);
  const chosenProject = Form.useWatch('projectId', form);
  const chosenHousehold = Form.useWatch('householdId', form);
  const chosenCategory = Form.useWatch('categoryCode', form);

  const suggestTitle = (values: Partial<TicketForm>) => {
    if (titleTouched.current) return;
    const category = values.categoryCode ? categories.get(values.categoryCode) : undefined;
    const typeLabel = values.type ? label(ticketTypes, values.type) : '';
    const suggestion = category ? (values.type === 'complaint' ? `${typeLabel}:${text(category.name)}` : text(category.name)) : '';
    form.setFieldValue('title', suggestion);
  };

  const pickReporter = (person: Person) => {
    setReporter(person);
    form.setFieldsValue({
      projectId: person.projectId,
      householdId: person.householdId,
      reporterPersonId: person.id,
      reporterName: person.name,
      reporterPhone: person.phone ?? undefined,
    });
  };

  const submit = useSaveForm(form, {
    save: (values) =>
      create.mutateAsync({
        projectId: values.projectId,
        type: values.type,
        channel: values.channel,
        categoryCode: values.categoryCode ?? null,
        priority: values.priority,
        complaintScope: values.type === 'complaint' ? (values.complaintScope ?? 'individual') : null,
        title: values.title.trim(),
        description: values.description?.trim() ?? '',
        householdId: values.householdId ?? null,
        reporterPersonId: values.reporterPersonId ?? null,
        reporterName: values.reporterName?.trim() ?? '',
        reporterPhone: values.reporterPhone?.trim() || null,
        location: values.location?.trim() ?? '',
      }),
    successMessage: t('serviceDesk.form.created'),
    onSaved: (ticket) => void navigate(`/service-desk/${ticket.id}`, { replace: true }),
  });

  return (
    <>
      <PageHeader
        title={t('serviceDesk.form.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/service-desk')}>
            {t('common.back')}
          </Button>
        }
      />
      <ActiveIncidentScripts projectId={chosenProject} householdId={chosenHousehold} categoryCode={chosenCategory} />
      <Form<TicketForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ projectId: projectId ?? projects[0]?.id, type: 'repair', channel: 'hotline', priority: 'normal', complaintScope: 'individual' }}
        onValuesChange={(changed: Partial<TicketForm>, all) => {
          if ('title' in changed) titleTouched.current = Boolean(changed.title);
          if ('categoryCode' in changed || 'type' in changed) suggestTitle(all);
        }}
        onFinish={() => void submit()}
        data-testid="ticket-form"
      >
        <Row gutter={24}>
          <Col xs={24} lg={15}>
            <Form.Item label={t('serviceDesk.form.reporter')}>
              <ReporterSearch projectId={projectId} onPick={pickReporter} autoFocus />
            </Form.Item>
            <Form.Item name="reporterPersonId" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="type" label={t('serviceDesk.type')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="ticket-type">
                {ticketTypes.values.map((value) => (
                  <Radio.Button key={value} value={value} style={{ minWidth: 84, textAlign: 'center' }}>
                    {/* The radio input itself is hidden; tests click the visible label. */}
                    <span data-testid={`ticket-type-${value}`}>{label(ticketTypes, value)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="categoryCode" label={t('serviceDesk.category')}>
                  <CategoryCascader testId="ticket-category" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="priority" label={t('serviceDesk.priority')}>
                  <Radio.Group optionType="button" options={ticketPriorities.values.map((value) => ({ value, label: label(ticketPriorities, value) }))} />
                </Form.Item>
              </Col>
            </Row>
            {type === 'complaint' ? (
              <Form.Item name="complaintScope" label={t('serviceDesk.complaintScope')}>
                <Radio.Group optionType="button" options={complaintScopes.values.map((value) => ({ value, label: label(complaintScopes, value) }))} />
              </Form.Item>
            ) : null}
            <Form.Item
              name="title"
              label={t('serviceDesk.form.titleLabel')}
              extra={t('serviceDesk.form.titleHint')}
              rules={[{ required: true, whitespace: true, max: limit('title') }]}
            >
              <Input data-testid="ticket-title" />
            </Form.Item>
            <Form.Item name="description" label={t('serviceDesk.description')} rules={[{ max: limit('description') }]} extra={t('serviceDesk.form.enterHint')}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                data-testid="ticket-description"
                onKeyDown={(event) => {
                  // Enter files the ticket; Shift+Enter is a new line. IME composition keeps its Enter.
                  if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    form.submit();
                  }
                }}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="channel" label={t('serviceDesk.channel')}>
                  <Select options={ticketChannels.values.map((value) => ({ value, label: label(ticketChannels, value) }))} data-testid="ticket-channel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="location" label={t('serviceDesk.location')} rules={[{ max: limit('location') }]}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" size="large" loading={create.isPending} data-testid="ticket-submit">
              {t('serviceDesk.form.submit')}
            </Button>
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('serviceDesk.form.reporter')} style={{ marginBottom: 16 }}>
              {reporter ? (
                <Flex vertical gap={8} style={{ marginBottom: 12 }}>
                  <ReporterCard person={reporter} />
                  <Button
                    size="small"
                    type="link"
                    style={{ alignSelf: 'flex-start', padding: 0 }}
                    onClick={() => {
                      setReporter(null);
                      form.setFieldsValue({ householdId: undefined, reporterPersonId: undefined, reporterName: undefined, reporterPhone: undefined });
                    }}
                  >
                    {t('serviceDesk.form.clearReporter')}
                  </Button>
                </Flex>
              ) : (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                  {t('serviceDesk.form.reporterHint')}
                </Typography.Paragraph>
              )}
              <div style={{ display: reporter ? 'none' : undefined }}>
                <Form.Item name="reporterName" label={t('serviceDesk.reporterName')} rules={[{ max: limit('reporterName') }]}>
                  <Input data-testid="ticket-reporter-name" />
                </Form.Item>
                <Form.Item
                  name="reporterPhone"
                  label={t('serviceDesk.reporterPhone')}
                  rules={[{ max: limit('reporterPhone'), pattern: /^[0-9+\-() ]*$/, message: t('persons.phoneInvalid') }]}
                >
                  <Input inputMode="tel" />
                </Form.Item>
                <Form.Item name="householdId" label={t('serviceDesk.household')}>
                  <HouseholdPicker projectId={chosenProject} />
                </Form.Item>
              </div>
              <Form.Item name="projectId" label={t('persons.project')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                <Select
                  options={projects.map((project) => ({ value: project.id, label: project.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="ticket-project"
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
