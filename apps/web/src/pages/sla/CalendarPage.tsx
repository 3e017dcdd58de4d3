import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useCalendarYear, useSaveCalendarYear, type CalendarDay, type CalendarDayKind, type CalendarYear } from '../../api/sla';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { displayTimeZone } from '../../shared/time';

type Row = CalendarDay & { key: string };
const kinds: readonly CalendarDayKind[] = ['holiday', 'workday'];

/** The company's own holidays and 调休 working days of one year; they win over the national table shown beside them. */
function YearEditor({ calendar }: { calendar: CalendarYear }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveCalendarYear();
  const [rows, setRows] = useState<Row[]>(() => calendar.days.map((day) => ({ ...day, key: day.day })));
  const update = (key: string, change: Partial<CalendarDay>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = async () => {
    try {
      const saved = await save.mutateAsync({
        year: calendar.year,
        days: rows.filter((row) => row.day).map(({ day, kind, name }) => ({ day, kind, name: name.trim() })),
      });
      setRows(saved.days.map((day) => ({ ...day, key: day.day })));
      void message.success(t('calendar.saved', { count: saved.recomputedTickets }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('calendar.day'),
      dataIndex: 'day',
      width: 180,
      render: (day: string, row) => (
        <DatePicker
          value={day ? dayjs(day) : null}
          onChange={(value) => update(row.key, { day: value ? value.format('YYYY-MM-DD') : '' })}
          disabledDate={(date) => date.year() !== calendar.year}
          defaultPickerValue={dayjs(`${calendar.year}-01-01`)}
          allowClear={false}
        />
      ),
    },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (kind: CalendarDayKind, row) => (
        <Select<CalendarDayKind>
          value={kind}
          onChange={(value) => update(row.key, { kind: value })}
          options={kinds.map((value) => ({ value, label: t(`calendar.kinds.${value}`) }))}
          style={{ width: 130 }}
        />
      ),
    },
    {
      title: t('calendar.name'),
      dataIndex: 'name',
      render: (name: string, row) => <Input value={name} maxLength={40} onChange={(event) => update(row.key, { name: event.target.value })} />,
    },
    {
      title: '',
      key: 'actions',
      width: 60,
      render: (_value, row) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.delete')}
          onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
        />
      ),
    },
  ];

  const nationalTag = (day: string, kind: CalendarDayKind) => (
    <Tag key={`${kind}-${day}`} color={kind === 'holiday' ? 'red' : 'blue'} style={{ marginBottom: 4 }}>
      {dayjs.tz(day, displayTimeZone).format('MM-DD ddd')}
    </Tag>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card
          size="small"
          title={t('calendar.overrides')}
          extra={
            <Flex gap={8}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setRows([...rows, { key: `new-${rows.length}-${Date.now()}`, day: '', kind: 'holiday', name: '' }])}
                data-testid="calendar-add"
              >
                {t('calendar.add')}
              </Button>
              <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="calendar-save">
                {t('common.save')}
              </Button>
            </Flex>
          }
        >
          <Table<Row>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: <ListEmpty description={t('calendar.empty')} /> }}
            data-testid="calendar-days"
          />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('calendar.national', { year: calendar.year })} data-testid="calendar-national">
          <Typography.Text strong>{t('calendar.kinds.holiday')}</Typography.Text>
          <div style={{ margin: '8px 0 12px' }}>
            {calendar.national.holidays.length > 0 ? calendar.national.holidays.map((day) => nationalTag(day, 'holiday')) : '—'}
          </div>
          <Typography.Text strong>{t('calendar.kinds.workday')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {calendar.national.workdays.length > 0 ? calendar.national.workdays.map((day) => nationalTag(day, 'workday')) : '—'}
          </div>
        </Card>
      </Col>
    </Row>
  );
}

/** Management → 节假日与调休: the days the working-hours SLA clocks stop or run. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => dayjs().tz(displayTimeZone).year());
  const calendar = useCalendarYear(year);
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        extra={
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => (value ? setYear(value) : undefined)}
            prefix={t('calendar.year')}
            data-testid="calendar-year"
          />
        }
      />
      <ListState isPending={calendar.isPending} error={calendar.error} refetch={calendar.refetch}>
        {calendar.data ? <YearEditor key={calendar.data.year} calendar={calendar.data} /> : null}
      </ListState>
    </>
  );
}
