import { Space, Tag, Typography } from 'antd';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import { useCiting } from '../../hooks/findings';

/** The findings that cite this record: evidence works both ways. */
export function CitedBy({ caseId, recordId }: { caseId: string; recordId: string }) {
  const citing = useCiting(caseId, recordId) ?? [];
  if (citing.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="cited-by">
      <Typography.Text type="secondary">{zh.finding.citedBy}：</Typography.Text>
      {citing.map((f) => (
        <Tag
          key={f.id}
          color={f.status === 'confirmed' ? 'green' : 'blue'}
          style={{ cursor: 'pointer' }}
          onClick={() => navigate({ page: 'case', caseId, section: 'findings', recordId: f.id })}
        >
          {f.title || zh.finding.untitled}（{zh.finding.statuses[f.status]}）
        </Tag>
      ))}
    </Space>
  );
}
