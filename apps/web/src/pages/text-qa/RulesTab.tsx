import { redLineCodes, type CompanyRule } from '@manyi/contracts/text-qa';
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Slider,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/problem';
import { useSaveTextRules, useTextRules } from '../../api/text-qa';
import { useMessage } from '../../shared/MessageProvider';

type Kind = CompanyRule['match']['kind'];
/** The form's flat shape; turned into the engine's rule on save (toRule). */
type RuleForm = {
  id: string;
  redLine: CompanyRule['redLine'];
  kind: Kind;
  terms: string[];
  mode: 'any' | 'all' | 'atLeast';
  count: number;
  pattern: string;
  ignoreCase: boolean;
  samples: string[];
  threshold: number;
  unless: { pattern: string; scope: 'sentence' | 'text' }[];
  staffSideOnly: boolean;
  severity: 'low' | 'medium' | 'high';
  autoFail: boolean;
  whyZh: string;
  whyEn: string;
  replacement: string;
  enabled: boolean;
};

function toForm(rule: CompanyRule | null): RuleForm {
  const match = rule?.match;
  return {
    id: rule?.id ?? `co.${Date.now().toString(36)}`,
    redLine: rule?.redLine ?? 'impatient',
    kind: match?.kind ?? 'keywords',
    terms: match?.kind === 'keywords' ? match.terms : [],
    mode: match?.kind === 'keywords' ? match.mode : 'any',
    count: match?.kind === 'keywords' ? (match.count ?? 2) : 2,
    pattern: match?.kind === 'regex' ? match.pattern : '',
    ignoreCase: match?.kind === 'regex' ? (match.flags ?? '').includes('i') : false,
    samples: match?.kind === 'similar' ? match.samples : [],
    threshold: match?.kind === 'similar' ? match.threshold : 0.6,
    unless: rule?.unless ?? [],
    staffSideOnly: rule?.staffSideOnly ?? true,
    severity: rule?.severity ?? 'medium',
    autoFail: rule?.autoFail ?? false,
    whyZh: rule?.why['zh-CN'] ?? '',
    whyEn: rule?.why['en-US'] ?? '',
    replacement: rule?.replacement ?? '',
    enabled: rule?.enabled ?? true,
  };
}

function toRule(form: RuleForm): CompanyRule {
  const match: CompanyRule['match'] =
    form.kind === 'keywords'
      ? { kind: 'keywords', terms: form.terms, mode: form.mode, ...(form.mode === 'atLeast' && { count: form.count }) }
      : form.kind === 'regex'
        ? { kind: 'regex', pattern: form.pattern, ...(form.ignoreCase && { flags: 'i' }) }
        : { kind: 'similar', samples: form.samples, threshold: form.threshold };
  return {
    id: form.id,
    redLine: form.redLine,
    match,
    ...(form.unless.length > 0 && { unless: form.unless }),
    staffSideOnly: form.staffSideOnly,
    severity: form.severity,
    autoFail: form.autoFail,
    why: { 'zh-CN': form.whyZh, 'en-US': form.whyEn || form.whyZh },
    ...(form.replacement && { replacement: form.replacement }),
    enabled: form.enabled,
  };
}

/** Server field paths of a rule (additions.rules.N.match.pattern) onto the form's field labels. */
function formField(path: string): 'pattern' | 'terms' | 'samples' | 'unless' | 'whyZh' | 'id' | null {
  const rest = path.replace(/^additions\.rules\.\d+\.?/, '');
  if (rest.startsWith('match.pattern')) return 'pattern';
  if (rest.startsWith('match.terms')) return 'terms';
  if (rest.startsWith('match.samples')) return 'samples';
  if (rest.startsWith('unless')) return 'unless';
  if (rest.startsWith('why')) return 'whyZh';
  if (rest.startsWith('id')) return 'id';
  return null;
}

function RuleEditor({ rule, onSave, onClose }: { rule: CompanyRule | null; onSave: (rule: CompanyRule) => Promise<string[]>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleForm>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? toForm(rule).kind;
  const mode = Form.useWatch('mode', form);
  const submit = async (values: RuleForm) => {
    setSaving(true);
    const fieldProblems = await onSave(toRule(values)).finally(() => setSaving(false));
    setProblems(fieldProblems);
  };
  const redLines = redLineCodes.map((value) => ({ value, label: t(`textQa.redLines.${value}`) }));
  const kinds = (['keywords', 'regex', 'similar'] as const).map((value) => ({ value, label: t(`textQa.rules.kinds.${value}`) }));
  const modes = (['any', 'all', 'atLeast'] as const).map((value) => ({ value, label: t(`textQa.rules.modes.${value}`) }));
  const scopes = (['sentence', 'text'] as const).map((value) => ({ value, label: t(`textQa.rules.scope.${value}`) }));
  const severities = (['low', 'medium', 'high'] as const).map((value) => ({ value, label: t(`textQa.rules.severities.${value}`) }));
  return (
    <Drawer open width={560} title={rule ? t('textQa.rules.edit') : t('textQa.rules.add')} onClose={onClose} destroyOnHidden>
      <Form<RuleForm> form={form} layout="vertical" initialValues={toForm(rule)} onFinish={(values) => void submit(values)} data-testid="rule-form">
        <Space wrap>
          <Form.Item name="id" label={t('textQa.rules.id')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{0,79}$/ }]}>
            <Input disabled={rule !== null} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="redLine" label={t('textQa.rules.redLine')}>
            <Select style={{ width: 140 }} options={redLines} data-testid="rule-red-line" />
          </Form.Item>
        </Space>
        <Form.Item name="kind" label={t('textQa.rules.kind')}>
          <Radio.Group optionType="button" options={kinds} data-testid="rule-kind" />
        </Form.Item>
        {kind === 'keywords' && (
          <>
            <Form.Item name="terms" label={t('textQa.rules.terms')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} data-testid="rule-terms" />
            </Form.Item>
            <Space>
              <Form.Item name="mode" label={t('textQa.rules.mode')}>
                <Radio.Group options={modes} />
              </Form.Item>
              {mode === 'atLeast' && (
                <Form.Item name="count" label={t('textQa.rules.count')}>
                  <InputNumber min={1} max={50} />
                </Form.Item>
              )}
            </Space>
          </>
        )}
        {kind === 'regex' && (
          <Space align="end">
            <Form.Item name="pattern" label={t('textQa.rules.pattern')} rules={[{ required: true }]}>
              <Input style={{ width: 320, fontFamily: 'monospace' }} data-testid="rule-pattern" />
            </Form.Item>
            <Form.Item name="ignoreCase" valuePropName="checked">
              <Checkbox>{t('textQa.rules.ignoreCase')}</Checkbox>
            </Form.Item>
          </Space>
        )}
        {kind === 'similar' && (
          <>
            <Form.Item name="samples" label={t('textQa.rules.samples')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="tags" open={false} data-testid="rule-samples" />
            </Form.Item>
            <Form.Item name="threshold" label={t('textQa.rules.threshold')}>
              <Slider min={0.3} max={1} step={0.05} />
            </Form.Item>
          </>
        )}
        <Typography.Text>{t('textQa.rules.unless')}</Typography.Text>
        <Form.List name="unless">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ margin: '4px 0 16px' }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'pattern']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('textQa.rules.unlessPattern')} style={{ width: 240, fontFamily: 'monospace' }} data-testid="rule-unless" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'scope']} noStyle>
                    <Select style={{ width: 140 }} options={scopes} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(field.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => add({ pattern: '', scope: 'sentence' })} data-testid="rule-add-unless">
                {t('textQa.rules.addUnless')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="staffSideOnly" valuePropName="checked">
          <Checkbox>{t('textQa.rules.staffSideOnly')}</Checkbox>
        </Form.Item>
        <Space wrap>
          <Form.Item name="severity" label={t('textQa.rules.severity')}>
            <Select style={{ width: 100 }} options={severities} />
          </Form.Item>
          <Form.Item name="autoFail" label={t('textQa.rules.autoFail')} valuePropName="checked">
            <Switch data-testid="rule-auto-fail" />
          </Form.Item>
          <Form.Item name="enabled" label={t('textQa.rules.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="whyZh" label={t('textQa.rules.whyZh')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="rule-why" />
        </Form.Item>
        <Form.Item name="whyEn" label={t('textQa.rules.whyEn')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="replacement" label={t('textQa.rules.replacement')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        {problems.map((problem) => (
          <Alert key={problem} type="error" showIcon message={problem} style={{ marginBottom: 8 }} data-testid="rules-problem" />
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rule-save">
          {t('common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** The other word lists (sentiment terms, topics, dictionary…), edited as JSON. */
function AdvancedAdditions({ additions, onSave }: { additions: Record<string, unknown>; onSave: (next: Record<string, unknown>) => Promise<string[]> }) {
  const { t } = useTranslation();
  const others = Object.fromEntries(Object.entries(additions).filter(([name]) => name !== 'rules'));
  const [draft, setDraft] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const value = draft ?? JSON.stringify(others, null, 2);
  const submit = async () => {
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      const found = await onSave({ ...parsed, ...(additions.rules !== undefined && { rules: additions.rules }) });
      setProblems(found);
      if (found.length === 0) setDraft(null);
    } catch {
      setProblems([t('textQa.rules.notJson')]);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        value={value}
        onChange={(event) => setDraft(event.target.value)}
        autoSize={{ minRows: 6, maxRows: 20 }}
        style={{ fontFamily: 'monospace' }}
        data-testid="rules-json"
      />
      {problems.map((problem) => (
        <Typography.Text key={problem} type="danger">
          {problem}
        </Typography.Text>
      ))}
      <Button onClick={() => void submit()} style={{ alignSelf: 'flex-start' }}>
        {t('common.save')}
      </Button>
    </Flex>
  );
}

/** 质检规则: the company's red-line rules in a form (issue 17 §2), its other word lists as JSON. */
export function RulesTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const stored = useTextRules();
  const save = useSaveTextRules();
  const [editing, setEditing] = useState<CompanyRule | null | undefined>(undefined);
  const additions = stored.data?.additions ?? {};
  const rules = (Array.isArray(additions.rules) ? additions.rules : []) as CompanyRule[];
  /** Saves the whole additions; returns the server's field problems (empty when saved). */
  const persist = async (next: Record<string, unknown>, success: string): Promise<string[]> => {
    try {
      await save.mutateAsync({ additions: next });
      void message.success(success);
      return [];
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      return fields.length > 0
        ? fields.map((item) => {
            const field = formField(item.field);
            return `${field ? t(`textQa.rules.${field}`) : item.field}：${item.message}`;
          })
        : [errorMessage(error, t('common.requestFailed'))];
    }
  };
  const saveRule = async (rule: CompanyRule) => {
    const next = rules.some((item) => item.id === rule.id) ? rules.map((item) => (item.id === rule.id ? rule : item)) : [...rules, rule];
    const problems = await persist({ ...additions, rules: next }, t('textQa.rules.saved'));
    if (problems.length === 0) setEditing(undefined);
    return problems;
  };
  const describe = (rule: CompanyRule) =>
    rule.match.kind === 'keywords'
      ? `${t(`textQa.rules.modes.${rule.match.mode}`)}${rule.match.mode === 'atLeast' ? ` ${rule.match.count ?? 1}` : ''}：${rule.match.terms.join('、')}`
      : rule.match.kind === 'regex'
        ? `/${rule.match.pattern}/`
        : rule.match.samples.join(' / ');
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">{t('textQa.rules.intro')}</Typography.Paragraph>
      <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(null)} data-testid="rule-add">
        {t('textQa.rules.add')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={stored.isPending}
        dataSource={rules}
        locale={{ emptyText: t('textQa.rules.empty') }}
        data-testid="rules-table"
        columns={[
          { title: t('textQa.rules.id'), dataIndex: 'id', width: 140 },
          {
            title: t('textQa.rules.redLine'),
            dataIndex: 'redLine',
            width: 80,
            render: (code: CompanyRule['redLine']) => <Tag color="red">{t(`textQa.redLines.${code}`)}</Tag>,
          },
          {
            title: t('textQa.rules.kind'),
            key: 'match',
            render: (_: unknown, rule: CompanyRule) => `${t(`textQa.rules.kinds.${rule.match.kind}`)} · ${describe(rule)}`,
          },
          {
            title: t('textQa.rules.severity'),
            key: 'severity',
            width: 140,
            render: (_: unknown, rule: CompanyRule) => (
              <Space size={4}>
                {rule.severity && t(`textQa.rules.severities.${rule.severity}`)}
                {rule.autoFail && <Tag color="volcano">{t('textQa.scorecard.autoFails')}</Tag>}
                {rule.enabled === false && <Tag>{t('textQa.rules.enabled')} ✗</Tag>}
              </Space>
            ),
          },
          {
            key: 'actions',
            width: 120,
            render: (_: unknown, rule: CompanyRule) => (
              <Space>
                <Button size="small" type="link" onClick={() => setEditing(rule)}>
                  {t('textQa.rules.edit')}
                </Button>
                <Popconfirm
                  title={t('textQa.rules.remove')}
                  onConfirm={() => void persist({ ...additions, rules: rules.filter((item) => item.id !== rule.id) }, t('textQa.rules.removed'))}
                >
                  <Button size="small" type="link" danger>
                    {t('textQa.rules.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'advanced',
            label: t('textQa.rules.advanced'),
            children: <AdvancedAdditions additions={additions} onSave={(next) => persist(next, t('common.saved'))} />,
          },
        ]}
      />
      {editing !== undefined && <RuleEditor rule={editing} onSave={saveRule} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}
