import { Alert, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateIncident, type IncidentDetail, type IncidentPatch } from '../../api/incidents';
import { FormDrawer } from '../../shared/FormDrawer';
import { useSaveForm } from '../../shared/useSaveForm';
import { CategoryCascader } from '../service-desk/CategoryCascader';
import { fromPickerTime, IncidentBuildingsField, IncidentPeriodFields, IncidentTextFields, toPickerTime } from './IncidentFields';

type EditForm = {
  title: string;
  categoryCode?: string;
  buildingIds: string[];
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  callScript: string;
  noticeText: string;
};

function formValues(incident: IncidentDetail): EditForm {
  return {
    title: incident.title,
    categoryCode: incident.categoryCode ?? undefined,
    buildingIds: incident.buildings.map((building) => building.id),
    startsAt: toPickerTime(incident.startsAt),
    endsAt: toPickerTime(incident.endsAt),
    callScript: incident.callScript,
    noticeText: incident.noticeText,
  };
}

/** To the minute, as the pickers show it: seconds the form never displayed are not a change. */
const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
const sameInstant = (left: Dayjs | null | undefined, right: string | null) => (left ? minute(fromPickerTime(left)) : null) === (right ? minute(right) : null);
const sameSet = (left: readonly string[], right: readonly string[]) => left.length === right.length && left.every((item) => right.includes(item));

/**
 * Only what was changed is sent: the server records the edited fields in the incident's history,
 * and buildings sent for a published outage make it notify whoever they newly cover.
 */
function changes(incident: IncidentDetail, values: EditForm): IncidentPatch {
  const patch: IncidentPatch = { version: incident.version };
  const title = values.title.trim();
  if (title !== incident.title) patch.title = title;
  if ((values.categoryCode ?? null) !== incident.categoryCode) patch.categoryCode = values.categoryCode ?? null;
  if (values.callScript.trim() !== incident.callScript) patch.callScript = values.callScript.trim();
  if (incident.kind === 'group') return patch;
  const buildingIds = values.buildingIds ?? [];
  if (
    !sameSet(
      buildingIds,
      incident.buildings.map((building) => building.id),
    )
  )
    patch.buildingIds = buildingIds;
  if (values.startsAt && !sameInstant(values.startsAt, incident.startsAt)) patch.startsAt = fromPickerTime(values.startsAt);
  if (!sameInstant(values.endsAt, incident.endsAt)) patch.endsAt = values.endsAt ? fromPickerTime(values.endsAt) : null;
  if (values.noticeText.trim() !== incident.noticeText) patch.noticeText = values.noticeText.trim();
  return patch;
}

type IncidentEditDrawerProps = { incident: IncidentDetail; open: boolean; onClose: () => void };

/**
 * Correcting a live incident: a later end time, one more building, clearer wording. A group
 * complaint keeps the tickets that make it up, so only its title, category and script change.
 */
export function IncidentEditDrawer({ incident, open, onClose }: IncidentEditDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateIncident(incident.id);
  const isGroup = incident.kind === 'group';

  // Each opening starts from the incident as it is now, not from an earlier, abandoned edit.
  useEffect(() => {
    if (open) form.setFieldsValue(formValues(incident));
  }, [open, incident, form]);

  const submit = useSaveForm(form, {
    save: async (values) => {
      const patch = changes(incident, values);
      // Nothing to send: saying "saved" is still true, and no empty "edited" entry lands in the history.
      return Object.keys(patch).length > 1 ? update.mutateAsync(patch) : incident;
    },
    onSaved: onClose,
  });

  return (
    <FormDrawer
      title={t('incidents.edit')}
      open={open}
      onClose={onClose}
      saving={update.isPending}
      onSubmit={submit}
      saveTestId="incident-edit-save"
      size={560}
    >
      {incident.status === 'published' ? <Alert type="info" showIcon title={t('incidents.editPublishedHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<EditForm> form={form} layout="vertical" data-testid="incident-edit-form">
        <Form.Item name="categoryCode" label={t('serviceDesk.category')}>
          <CategoryCascader testId="incident-category" />
        </Form.Item>
        {isGroup ? null : (
          <>
            <IncidentBuildingsField projectId={incident.projectId} />
            <IncidentPeriodFields />
          </>
        )}
        <IncidentTextFields titleRequired withNotice={!isGroup} />
      </Form>
    </FormDrawer>
  );
}
