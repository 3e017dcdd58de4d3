import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../../api/buildings';
import { displayTimeZone } from '../../shared/time';
import { textLimits } from '@manyi/contracts/limits';
import { incidentBody } from '@manyi/contracts/incidents';
import { FieldRedLineHint } from '../text-qa/FieldRedLineHint';

const limit = (field: 'title' | 'callScript' | 'noticeText') => textLimits(incidentBody, field).max;

/** The form items announcing and correcting an incident have in common, so both forms ask alike. */

const wallClock = 'YYYY-MM-DD HH:mm';

/**
 * The time pickers read and write Beijing wall-clock time whatever the browser's zone (DESIGN §2),
 * as the notice and the detail show it: the picker holds a plain dayjs with Beijing's date and time.
 */
export function toPickerTime(value: string | null): Dayjs | null {
  return value ? dayjs(dayjs(value).tz(displayTimeZone).format(wallClock), wallClock) : null;
}

export function fromPickerTime(value: Dayjs): string {
  return dayjs.tz(value.format(wallClock), displayTimeZone).toISOString();
}

export function IncidentBuildingsField({ projectId }: { projectId: string | undefined }) {
  const { t } = useTranslation();
  const buildings = useBuildings(projectId);
  return (
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
  );
}

/** Start and end side by side; the end may stay open (an emergency whose end is not known yet). */
export function IncidentPeriodFields() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
      <Form.Item name="startsAt" label={t('incidents.startsAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="incident-starts-at" />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('incidents.endsAt')}
        dependencies={['startsAt']}
        rules={[
          ({ getFieldValue }) => ({
            // The server refuses it too (ends_before_start); saying so here saves a round trip.
            validator: async (_rule, value: Dayjs | null | undefined) => {
              const startsAt = getFieldValue('startsAt') as Dayjs | null | undefined;
              if (value && startsAt && value.isBefore(startsAt)) throw new Error(t('incidents.endsBeforeStart'));
            },
          }),
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="incident-ends-at" />
      </Form.Item>
    </div>
  );
}

/** Title, the script for whoever answers the phone, and the owners' notice (left out for group complaints, which send none). */
export function IncidentTextFields({ titleRequired, withNotice }: { titleRequired: boolean; withNotice: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t('incidents.titleLabel')} rules={[{ required: titleRequired, whitespace: true, max: limit('title') }]}>
        <Input data-testid="incident-title" />
      </Form.Item>
      <Form.Item name="callScript" label={t('incidents.callScript')} rules={[{ max: limit('callScript') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="incident-call-script" />
      </Form.Item>
      <FieldRedLineHint name="callScript" />
      {withNotice ? (
        <Form.Item name="noticeText" label={t('incidents.noticeText')} rules={[{ max: limit('noticeText') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="incident-notice-text" />
        </Form.Item>
      ) : null}
      {withNotice ? <FieldRedLineHint name="noticeText" /> : null}
    </>
  );
}
