import { InterviewExport } from '../components/records/InterviewExport';
import { memo, useRef, useState } from 'react';
import { App as AntApp, Button, Card, Form, Popconfirm, Result, Row, Space } from 'antd';
import { DeleteOutlined, HistoryOutlined } from '@ant-design/icons';
import { RECORD_SPECS, type RecordKind } from '../../shared/domain/records';
import { hasContent } from '../../shared/domain/records/common';
import { liveTitle } from '../components/records/liveTitle';
import { useFocusFirstField } from '../hooks/focus';
import { zh } from '../../shared/i18n/zh-CN';
import { useEditorState, useRecordEditor, type Editor } from '../hooks/autosave';
import { useRecordActions } from '../hooks/records';
import { navigate, whereNow } from '../app/route';
import { RecordForm } from '../components/records/forms';
import { fieldRows } from '../components/records/fieldRows';
import { FocusPicker, TagsPicker } from '../components/records/pickers';
import { EditorTitle } from '../components/records/EditorTitle';
import { ReadFailed, SaveNotices } from '../components/records/SaveNotices';
import { fieldLabel } from '../../shared/domain/records/history';
import { RECORD_TITLES } from '../components/records/titles';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { HistoryDrawer } from '../components/HistoryDrawer';
import { CiteBar, passageOf, type Passage } from '../components/findings/CiteBar';
import { CitedBy } from '../components/findings/CitedBy';
import { ConflictNotice } from '../components/exchange/ConflictNotice';
import { useCiting } from '../hooks/findings';
import { useBackToResults, useRevealSearchMatch } from '../hooks/searchReveal';

/** One record, edited in place and saved as it is typed. */
export function RecordEditorPage(props: { caseId: string; kind: RecordKind; recordId: string }) {
  const { caseId, kind, recordId } = props;
  const editor = useRecordEditor(caseId, kind, recordId);
  const spec = RECORD_SPECS[kind];
  // What the page itself shows of the record; each field reads its own (see fieldRows.tsx).
  const presence = useEditorState(editor, (s) =>
    s.record === undefined ? (s.loadFailed ? 'failed' : 'loading') : s.record ? 'here' : 'gone',
  );
  const [titleFor] = useState(() => liveTitle(spec));
  const title = useEditorState(editor, (s) => (s.record ? titleFor(s.values, s.record) : ''));
  const blank = useEditorState(editor, (s) => (s.record ? !hasContent(spec, s.record) : undefined));
  // A signed 笔录 is evidence: it is not deleted (the repository refuses it too).
  const frozen = useEditorState(editor, (s) =>
    s.record ? spec.frozen?.(s.values as never) !== undefined : false,
  );
  // Read from the record itself, not by a query of its own: one less reader to fail and retry
  // while the disk is full (measured: test/e2e/full-disk.test.ts).
  const conflictPaths = useEditorState(editor, (s) =>
    Object.keys(s.record?.siblings ?? {}).join('\n'),
  );
  const actions = useRecordActions(caseId, kind);
  const { message } = AntApp.useApp();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [passage, setPassage] = useState<Passage | null>(null);
  const citing = useCiting(caseId, recordId) ?? [];
  const confirmedCiting = citing.filter((f) => f.status === 'confirmed');
  const toResults = useBackToResults(caseId, recordId); // opened from a search hit
  const revealMatch = useRevealSearchMatch(caseId, recordId);
  const back = toResults ?? (() => navigate({ page: 'case', caseId, section: kind }));
  const formRef = useRef<HTMLDivElement>(null);
  useFocusFirstField(formRef, spec.content[0] ?? '', blank);

  if (presence === 'failed') return <ReadFailed />;
  if (presence === 'loading') return null;
  if (presence === 'gone') {
    return (
      <Result
        status="404"
        title={zh.validation.notFound}
        extra={
          <>
            {/* Edits typed into it before it went are kept aside: show them here too. */}
            <SaveNotices editor={editor} label={(field) => fieldLabel(kind, field)} />
            <Button onClick={back}>{zh.records.back}</Button>
          </>
        }
      />
    );
  }

  const remove = async () => {
    const here = whereNow();
    await editor.flush();
    await actions.remove(recordId);
    void message.success(zh.records.deleted);
    // A user who went elsewhere while the delete was written is not pulled back.
    if (whereNow() === here) back();
  };

  return (
    <Card
      title={
        <EditorTitle
          backLabel={toResults ? zh.searchIndex.backToResults : zh.records.back}
          onBack={back}
          title={`${RECORD_TITLES[kind]} · ${title || zh.records.untitled}`}
          testId="record-title"
          editor={editor}
        />
      }
      extra={
        <Space>
          {kind === 'interviews' && (
            <InterviewExport caseId={caseId} recordId={recordId} editor={editor} />
          )}
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
            {zh.records.history}
          </Button>
          <Popconfirm
            title={
              confirmedCiting.length > 0
                ? zh.finding.citedWarning(confirmedCiting.map((f) => `“${f.title}”`).join('、'))
                : zh.records.deleteConfirm
            }
            okText={zh.common.confirm}
            cancelText={zh.common.cancel}
            onConfirm={() => void remove()}
            disabled={!actions.canWrite || frozen}
          >
            <Button
              danger
              icon={<DeleteOutlined />}
              disabled={!actions.canWrite || frozen}
              title={frozen ? zh.interview.signedNoDelete : undefined}
            >
              {zh.records.delete}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <SaveNotices editor={editor} label={(field) => fieldLabel(kind, field)} />
      <ConflictNotice caseId={caseId} kind={kind} paths={conflictPaths} />
      <CitedBy caseId={caseId} recordId={recordId} />
      {passage && <CiteBar caseId={caseId} kind={kind} recordId={recordId} passage={passage} />}
      <div
        ref={(body) => {
          formRef.current = body;
          revealMatch(body);
        }}
        onSelect={(e) => setPassage(passageOf(e.target))}
        onKeyUp={(e) => setPassage(passageOf(e.target))}
        onMouseUp={(e) => setPassage(passageOf(e.target))}
      >
        <RecordBody kind={kind} caseId={caseId} editor={editor} canWrite={actions.canWrite} />
      </div>
      <HistoryDrawer
        caseId={caseId}
        kind={kind}
        recordId={recordId}
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
      />
      <AttachmentsPanel
        caseId={caseId}
        kind={kind}
        recordId={recordId}
        title={kind === 'siteVisits' ? zh.siteVisit.photos : undefined}
      />
    </Card>
  );
}

/** The form of a record, and the fields every kind has (built like the kind's own). */
const RecordBody = memo(function RecordBody(props: {
  kind: RecordKind;
  caseId: string;
  editor: Editor;
  canWrite: boolean;
}) {
  const { kind, caseId, editor } = props;
  const common = fieldRows<{ focus: string[]; tags: string[] }>(
    { caseId, editor },
    { focus: zh.records.focus, tags: zh.records.tags },
  );
  return (
    <Form layout="vertical" component="div" disabled={!props.canWrite}>
      <RecordForm kind={kind} caseId={caseId} editor={editor} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {common.custom(
          'focus',
          (focus) => (
            <FocusPicker value={focus ?? []} onChange={(next) => editor.change({ focus: next })} />
          ),
          { span: 14 },
        )}
        {common.custom(
          'tags',
          (tags) => (
            <TagsPicker value={tags ?? []} onChange={(next) => editor.change({ tags: next })} />
          ),
          { span: 10 },
        )}
      </Row>
    </Form>
  );
});
