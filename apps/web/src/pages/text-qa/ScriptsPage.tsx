import { type DiscStyle } from '@manyi/core';
import { Button, Card, Col, Descriptions, Flex, Input, Popconfirm, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useAbility } from '../../api/auth';
import { useDeleteScript, useHomework, useScripts, useSubmitHomework, type ScriptScenario, type TextCheck } from '../../api/text-qa';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { Loaded } from './Loaded';
import { ScriptEditor } from './ScriptEditor';

const discOrder: DiscStyle[] = ['peacock', 'owl', 'tiger', 'panda'];

/** 话术温度优化: rewrite the cold script warm; the red-line QA scores it at once, a reviewer comments later. */
function Homework({ scenario }: { scenario: ScriptScenario }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const submit = useSubmitHomework();
  const [draft, setDraft] = useState('');
  const [result, setResult] = useState<TextCheck | null>(null);
  const send = async () => {
    try {
      setResult(await submit.mutateAsync({ key: scenario.key, text: draft.trim() }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('scripts.homework.cold')}</Typography.Text>
      <Typography.Text delete>{scenario.cold}</Typography.Text>
      <Input.TextArea
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        autoSize={{ minRows: 2 }}
        maxLength={2000}
        placeholder={t('scripts.homework.placeholder')}
        data-testid="homework-text"
      />
      <Button
        type="primary"
        disabled={!draft.trim()}
        loading={submit.isPending}
        onClick={() => void send()}
        style={{ alignSelf: 'flex-start' }}
        data-testid="homework-submit"
      >
        {t('scripts.homework.submit')}
      </Button>
      {result && (
        <Flex vertical gap={4} data-testid="homework-result">
          <Typography.Text strong>{t('scripts.homework.score', { score: result.score })}</Typography.Text>
          {result.findings.map((finding) => (
            <Typography.Text key={`${finding.ruleId}-${finding.start}`}>
              <Tag color="red">{text(finding.redLineName)}</Tag>
              {finding.excerpt}：{text(finding.why)}
            </Typography.Text>
          ))}
          {result.warmth.missing.slice(0, 3).map((missing) => (
            <Typography.Text key={missing.code} type="secondary">
              {t('scripts.homework.try', { technique: text(missing.labels), example: missing.suggestion })}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function Library() {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const [query, setQuery] = useState('');
  const scripts = useScripts(query);
  const canEdit = useAbility('text_qa.manage');
  const remove = useDeleteScript();
  const [editing, setEditing] = useState<ScriptScenario | null | undefined>(undefined);
  const extra = (scenario: ScriptScenario) =>
    canEdit && (
      <Space size={4}>
        {scenario.companyOwned && <Tag color="blue">{t('scripts.editor.own')}</Tag>}
        <Button size="small" type="link" onClick={() => setEditing(scenario)} data-testid={`scripts-edit-${scenario.key}`}>
          {t('scripts.editor.edit')}
        </Button>
        {scenario.companyOwned && (
          <Popconfirm
            title={t('scripts.editor.remove')}
            onConfirm={() =>
              remove.mutateAsync(scenario.key).then(
                () => void message.success(t('scripts.editor.removed')),
                (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
              )
            }
          >
            <Button size="small" type="link" danger>
              {t('scripts.editor.remove')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  return (
    <Flex vertical gap={12}>
      {canEdit && (
        <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(null)} data-testid="scripts-add">
          {t('scripts.editor.add')}
        </Button>
      )}
      {editing !== undefined && <ScriptEditor scenario={editing} onClose={() => setEditing(undefined)} />}
      <Input.Search
        allowClear
        placeholder={t('scripts.search')}
        onSearch={setQuery}
        onChange={(event) => !event.target.value && setQuery('')}
        style={{ maxWidth: 360 }}
        data-testid="scripts-search"
      />
      <Loaded query={scripts} isEmpty={(data) => data.items.length === 0} empty={t('scripts.empty')}>
        {(data) => (
          <Row gutter={[16, 16]}>
            {data.items.map((scenario) => (
              <Col key={scenario.key} xs={24} xl={12}>
                <Card title={text(scenario.title)} size="small" extra={extra(scenario)} data-testid={`script-${scenario.key}`}>
                  <Tabs
                    size="small"
                    items={[
                      {
                        key: 'phrasings',
                        label: t('scripts.phrasings'),
                        children: (
                          <Descriptions column={1} size="small">
                            <Descriptions.Item label={t('scripts.standard')}>{scenario.standard}</Descriptions.Item>
                            {discOrder.map((style) => (
                              <Descriptions.Item key={style} label={t(`scripts.disc.${style}`)}>
                                {scenario.disc[style]}
                              </Descriptions.Item>
                            ))}
                          </Descriptions>
                        ),
                      },
                      { key: 'homework', label: t('scripts.homework.tab'), children: <Homework scenario={scenario} /> },
                    ]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Loaded>
    </Flex>
  );
}

function MyHomework() {
  const { t } = useTranslation();
  const homework = useHomework();
  return (
    <Loaded query={homework} isEmpty={(data) => data.items.length === 0} empty={t('scripts.homework.empty')}>
      {(data) => (
        <Flex vertical gap={8}>
          {data.items.map((item) => (
            <Card
              key={item.textId}
              size="small"
              title={item.authorName}
              extra={<Tag color={item.redLines.length ? 'red' : 'green'}>{t('scripts.homework.score', { score: item.score })}</Tag>}
            >
              <Typography.Paragraph>{item.text}</Typography.Paragraph>
              {item.reviews.length === 0 ? (
                <Typography.Text type="secondary">{t('scripts.homework.waiting')}</Typography.Text>
              ) : (
                item.reviews.map((review) => (
                  <Typography.Text key={review.reviewerName}>
                    {t('scripts.homework.review', { name: review.reviewerName, total: review.total })}
                    {review.comment ? `：${review.comment}` : ''}
                  </Typography.Text>
                ))
              )}
            </Card>
          ))}
        </Flex>
      )}
    </Loaded>
  );
}

/** 话术库: the scenarios with a standard phrasing and DISC variants, and the homework of rewriting cold scripts. */
export function ScriptsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('scripts.title')} />
      <Tabs
        items={[
          { key: 'library', label: t('scripts.library'), children: <Library /> },
          { key: 'homework', label: t('scripts.homework.mine'), children: <MyHomework /> },
        ]}
      />
    </>
  );
}
