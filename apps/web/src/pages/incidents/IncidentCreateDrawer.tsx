import { DatePicker, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../../api/buildings';
import { useCreateIncident, useIncidentTemplates, type IncidentDetail, type IncidentTemplate } from '../../api/incidents';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { FormDrawer } from '../../shared/FormDrawer';
import { displayTimeZone } from '../../shared/time';
import { useSaveForm } from '../../shared/useSaveForm';

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
  const { text } = useVocabulary();
  const { projectId, projects } = useProjectScope();
  const [form] = Form.useForm<IncidentForm>();
  const templates = useIncidentTemplates();
  const create = useCreateIncident();
  const chosenProject = Form.useWatch('projectId', form);
  const kind = Form.useWatch('kind', form);
  const templateCode = Form.useWatch('templateCode', form);
  const buildings = useBuildings(chosenProject);
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
        startsAt: values.startsAt.toISOString(),
        endsAt: values.endsAt ? values.endsAt.toISOString() : null,
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

  // Tomorrow 09:00–17:00 Beijing time, whatever the browser's zone.
  const tomorrow = dayjs().tz(displayTimeZone).add(1, 'day').format('YYYY-MM-DD');
  const at = (time: string) => dayjs(dayjs.tz(`${tomorrow} ${time}`, displayTimeZone).valueOf());
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
          <Select options={projects.map((project) => ({ value: project.id, label: project.name }))} showSearch={{ optionFilterProp: 'label' }} data-testid="incident-project" />
        </Form.Item>
        <Form.Item name="kind" label={t('incidents.kind')}>
          <Radio.Group optionType="button" options={(['planned', 'emergency'] as const).map((value) => ({ value, label: t(`incidents.kinds.${value}`) }))} />
        </Form.Item>
        <Form.Item name="templateCode" label={t('incidents.template')}>
          <Select
            allowClear
            loading={templates.isPending}
            options={(templates.data?.items ?? []).filter((item) => !kind || item.kind === kind).map((item) => ({ value: item.code, label: text(item.name) }))}
            data-testid="incident-template"
          />
        </Form.Item>
        <Form.Item name="buildingIds" label={t('incidents.buildings')} extra={t('incidents.buildingsHint')}>
          <Select
            mode="multiple"
            allowClear
            loading={buildings.isFetching}
            options={(buildings.data ?? []).map((building) => ({ value: building.id, label: t('incidents.buildingName', { name: building.name }) }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="incident-buildings"
          />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item name="startsAt" label={t('incidents.startsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="incident-starts-at" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('incidents.endsAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="incident-ends-at" />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('incidents.reason')} rules={[{ max: 200 }]} extra={t('incidents.reasonHint')}>
          <Input data-testid="incident-reason" />
        </Form.Item>
        <Form.Item name="title" label={t('incidents.titleLabel')} rules={[{ required: !template, whitespace: true, max: 100 }]}>
          <Input data-testid="incident-title" />
        </Form.Item>
        <Form.Item name="callScript" label={t('incidents.callScript')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="incident-call-script" />
        </Form.Item>
        <Form.Item name="noticeText" label={t('incidents.noticeText')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="incident-notice-text" />
        </Form.Item>
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
