import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Select, Space, Typography } from 'antd';
import type { FindingRecord } from '../../../shared/domain/findings/finding.schema';
import type { ReviewAction } from '../../../shared/domain/findings/review';
import { zh } from '../../../shared/i18n/zh-CN';
import { FindingStatusTag } from './FindingStatusTag';
import { useFindingActions, useFindings, useIsLeader } from '../../hooks/findings';
import { errorText } from '../formErrors';

const t = zh.finding;

/**
 * Where the finding stands (with its 底稿编号 once confirmed), and the review actions this
 * member may take.
 */
export function ReviewPanel(props: {
  caseId: string;
  finding: FindingRecord;
  /** Told of each review write, so the editor knows it as this page's own. */
  onWritten: (record: FindingRecord) => void;
}) {
  const { caseId, finding, onWritten } = props;
  const actions = useFindingActions(caseId);
  const leader = useIsLeader(caseId);
  const others = (useFindings(caseId) ?? []).filter((f) => f.id !== finding.id);
  const { message } = AntApp.useApp();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setProblem(null);
      void message.success(done);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const review = (action: Exclude<ReviewAction, 'merge'>, done: string) =>
    run(async () => {
      onWritten(await actions.review(finding.id, action, comment));
      setComment(''); // sent: the box is ready for the next one
    }, done);

  return (
    <Card size="small" title={t.reviewTitle} data-testid="review">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <FindingStatusTag status={finding.status} testId="finding-status" />
          {finding.draftNo && (
            <Typography.Text data-testid="draft-no">
              {t.fields.draftNo}：{finding.draftNo}
            </Typography.Text>
          )}
          {finding.reviewComment && <span>{finding.reviewComment}</span>}
        </Space>
        {leader && (
          <Input.TextArea
            aria-label={t.fields.reviewComment}
            placeholder={t.commentPlaceholder}
            value={comment}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
        <Space wrap>
          {(finding.status === 'draft' || finding.status === 'returned') && (
            <Button disabled={!actions.canWrite} onClick={() => void review('submit', t.submitted)}>
              {t.actions.submit}
            </Button>
          )}
          {leader && finding.status !== 'confirmed' && (
            <Button type="primary" onClick={() => void review('confirm', t.confirmed)}>
              {t.actions.confirm}
            </Button>
          )}
          {leader && (finding.status === 'pending' || finding.status === 'confirmed') && (
            <Button danger onClick={() => void review('sendBack', t.returned)}>
              {t.actions.sendBack}
            </Button>
          )}
          {leader && others.length > 0 && (
            <Select
              aria-label={t.mergeInto}
              placeholder={t.mergePlaceholder}
              value={null}
              style={{ minWidth: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={others.map((f) => ({ value: f.id, label: f.title || t.untitled }))}
              onChange={(absorbedId: string) =>
                void run(
                  async () => onWritten(await actions.merge(finding.id, absorbedId)),
                  t.merged,
                )
              }
            />
          )}
        </Space>
        {!leader && <Alert type="info" showIcon title={t.memberReviewHint} />}
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Space>
    </Card>
  );
}
