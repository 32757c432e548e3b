import { useState } from 'react';
import { Alert, Card, Col, Row, Space } from 'antd';
import { documentFileName } from '../../shared/documents';
import { zh } from '../../shared/i18n/zh-CN';
import { useCase } from '../hooks/cases';
import { useAutosaved } from '../hooks/autosave';
import { caseSettingsStore } from '../hooks/caseSettings';
import { useRepos } from '../app/session';
import { useReportFindings, useIsLeader } from '../hooks/findings';
import { useCurrentMember } from '../hooks/members';
import { ExportButton } from '../components/report/ExportButton';
import { ReportPlanCard } from '../components/report/ReportPlanCard';
import { ReportSettings } from '../components/report/ReportSettings';
import type { ExportRequest } from '../hooks/documents';
import type { DocumentOrder } from '../documents/protocol';

const r = zh.report;

/**
 * 巡察报告: the 组长 writes the report's own texts, sees which findings go under which heading
 * (and which are left out, and why), and exports every document of the case.
 */
export function ReportPage({ caseId }: { caseId: string }) {
  const caseRecord = useCase(caseId);
  const repos = useRepos();
  const [store] = useState(() => caseSettingsStore(repos));
  const editor = useAutosaved(caseId, store, caseId);
  const findings = useReportFindings(caseId);
  const me = useCurrentMember(caseId);
  const isLeader = useIsLeader(caseId);
  if (!caseRecord || !findings) return null;
  const request = (order: Exclude<DocumentOrder, { kind: 'interview' }>): ExportRequest | null =>
    me
      ? {
          caseId,
          viewerId: me.id,
          order,
          suggestedName: documentFileName(order, caseRecord),
        }
      : null;
  // What is typed is written before the worker reads it; a value refused beside its field
  // (too long, say) would silently be left out, so exporting waits until it is put right.
  const blocked = !me
    ? zh.member.chooseCurrentFirst
    : Object.keys(editor.refused).length > 0
      ? r.unsaved
      : undefined;
  const v = editor.values;
  // Until the editor has read the case its values are empty: say nothing rather than guess.
  const unwritten = (parts: [string, string | undefined][]) => {
    if (!editor.record) return undefined;
    const missing = parts.filter(([, text]) => (text ?? '').trim() === '').map(([name]) => name);
    return missing.length > 0 ? r.notWritten(missing.join('、')) : undefined;
  };
  const f = zh.case.fields;
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Alert
          type="info"
          showIcon
          title={isLeader ? r.intro : r.readOnlyHint}
          style={{ marginBottom: 12 }}
        />
        <ReportSettings editor={editor} canEdit={isLeader} />
      </Col>
      <Col span={10}>
        <Card title={r.exportTitle} size="small" style={{ marginBottom: 16 }}>
          <Space orientation="vertical">
            <ExportButton
              primary
              label={r.kinds.report}
              request={request({ kind: 'report' })}
              disabledReason={blocked}
              before={editor.flush}
              warning={unwritten([
                [f.reportBasics, v.reportBasics],
                [f.reportSuggestions, v.reportSuggestions],
              ])}
            />
            <ExportButton
              label={r.kinds.feedback}
              request={request({ kind: 'feedback' })}
              disabledReason={blocked}
              before={editor.flush}
              warning={unwritten([
                [f.feedbackEvaluation, v.feedbackEvaluation],
                [f.reportSuggestions, v.reportSuggestions],
              ])}
            />
            <ExportButton
              label={r.draftAll}
              request={request({ kind: 'draft' })}
              disabledReason={blocked}
            />
            <ExportButton
              label={r.kinds.checklist}
              request={request({ kind: 'checklist' })}
              disabledReason={blocked}
            />
            <ExportButton
              label={r.kinds.clues}
              request={request({ kind: 'clues' })}
              disabledReason={blocked ?? (isLeader ? undefined : r.cluesLeaderOnly)}
            />
          </Space>
        </Card>
        <ReportPlanCard caseRecord={caseRecord} findings={findings} />
      </Col>
    </Row>
  );
}
