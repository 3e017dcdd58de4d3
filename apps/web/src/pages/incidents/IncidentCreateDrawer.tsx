import { incidentKinds } from '@manyi/core';
import { Form, Input, Radio, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCreateIncident, useIncidentTemplates, type IncidentDetail, type IncidentTemplate } from '../../api/incidents';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { FormDrawer } from '../../shared/FormDrawer';
import { displayTimeZone } from '../../shared/time';
import { useSaveForm } from '../../shared/useSaveForm';
import { fromPickerTime, IncidentBuildingsField, IncidentPeriodFields, IncidentTextFields } from './IncidentFields';
import { textLimits } from '@manyi/contracts/limits';
import { incidentBody } from '@manyi/contracts/incidents';

type IncidentForm = {
  projectId: string;
  kind: 'planned' | 'emergency';
  templateCode?: string;
  buildingIds: string[];
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  reason?: string;
  title?: string;
  callScript?: string;
  noticeText?: string;
  publish: boolean;
};

type IncidentCreateDrawerProps = { open: boolean; onClose: () => void; onCreated: (incident: IncidentDetail) => void };

/**
 * Announcing an outage: a template fills the title, the script for whoever answers the phone and
 * the notice to the owners; placeholders such as {楼栋} are filled by the server from the buildings,
 * times and reason given here, unless the text was edited (what is written then goes out as is).
 */
export function IncidentCreateDrawer({ open, onClose, onCreated }: IncidentCreateDrawerProps) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const { projectId, projects } = useProjectScope();
  const [form] = Form.useForm<IncidentForm>();
  const templates = useIncidentTemplates();
  const create = useCreateIncident();
  const chosenProject = Form.useWatch('projectId', form);
  const kind = Form.useWatch('kind', form);
  const templateCode = Form.useWatch('templateCode', form);
  const template: IncidentTemplate | undefined = templates.data?.items.find((item) => item.code === templateCode);

  const applyTemplate = (code: string | undefined) => {
    const chosen = templates.data?.items.find((item) => item.code === code);
    if (chosen) form.setFieldsValue({ kind: chosen.kind, title: chosen.title, callScript: chosen.callScript, noticeText: chosen.noticeText });
  };

  /** Text left as the template wrote it is sent as absent, so the server fills its placeholders. */
  const ownText = (value: string | undefined, fromTemplate: string | undefined) => {
    const trimmed = value?.trim();
    if (!trimmed || trimmed === fromTemplate?.trim()) return undefined;
    return trimmed;
  };

  const submit = useSaveForm(form, {
    save: (values) =>
      create.mutateAsync({
        projectId: values.projectId,
        kind: values.kind,
        templateCode: values.templateCode,
        title: ownText(values.title, template?.title),
        buildingIds: values.buildingIds ?? [],
        startsAt: fromPickerTime(values.startsAt),
        endsAt: values.endsAt ? fromPickerTime(values.endsAt) : null,
        reason: values.reason?.trim() || undefined,
        callScript: ownText(values.callScript, template?.callScript),
        noticeText: ownText(values.noticeText, template?.noticeText),
        publish: values.publish,
      }),
    successMessage: t('incidents.created'),
    onSaved: (incident) => {
      form.resetFields();
      onCreated(incident);
    },
  });

  // Tomorrow 09:00–17:00 Beijing time, whatever the browser's zone (the pickers show Beijing time).
  const tomorrow = dayjs().tz(displayTimeZone).add(1, 'day').format('YYYY-MM-DD');
  const at = (time: string) => dayjs(`${tomorrow} ${time}`);
  return (
    <FormDrawer title={t('incidents.create')} open={open} onClose={onClose} saving={create.isPending} onSubmit={submit} saveTestId="incident-save" size={560}>
      <Form<IncidentForm>
        form={form}
        layout="vertical"
        initialValues={{ projectId: projectId ?? projects[0]?.id, kind: 'planned', buildingIds: [], startsAt: at('09:00'), endsAt: at('17:00'), publish: true }}
        onValuesChange={(changed: Partial<IncidentForm>) => {
          if ('templateCode' in changed) applyTemplate(changed.templateCode);
          if ('projectId' in changed) form.setFieldValue('buildingIds', []);
        }}
        data-testid="incident-form"
      >
        <Form.Item name="projectId" label={t('persons.project')} rules={[{ required: true }]}>
          <Select
            options={projects.map((project) => ({ value: project.id, label: project.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="incident-project"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('incidents.kind')}>
          <Radio.Group optionType="button" options={(['planned', 'emergency'] as const).map((value) => ({ value, label: label(incidentKinds, value) }))} />
        </Form.Item>
        <Form.Item name="templateCode" label={t('incidents.template')}>
          <Select
            allowClear
            loading={templates.isPending}
            options={(templates.data?.items ?? []).filter((item) => !kind || item.kind === kind).map((item) => ({ value: item.code, label: text(item.name) }))}
            data-testid="incident-template"
          />
        </Form.Item>
        <IncidentBuildingsField projectId={chosenProject} />
        <IncidentPeriodFields />
        <Form.Item name="reason" label={t('incidents.reason')} rules={[{ max: textLimits(incidentBody, 'reason').max }]} extra={t('incidents.reasonHint')}>
          <Input data-testid="incident-reason" />
        </Form.Item>
        <IncidentTextFields titleRequired={!template} withNotice />
        {templates.data ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('incidents.placeholdersHint', { placeholders: templates.data.placeholders.map((name) => `{${name}}`).join(' ') })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="publish" label={t('incidents.publishNow')} valuePropName="checked" extra={t('incidents.publishHint')}>
          <Switch data-testid="incident-publish" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
