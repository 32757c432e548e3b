import { useRef, useState } from 'react';
import { App as AntApp, Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { AttachmentFields } from '../../shared/domain/stored.schema';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import { useAttachmentMutations, useAttachments, type Attachment } from '../hooks/attachments';
import { AttachmentCard } from './attachments/AttachmentCard';
import { AttachmentPreview } from './attachments/AttachmentPreview';

const z = zh.attachment;

/** Photos, scans and other files of one record: a grid of cards, add, open, download, delete. */
export function AttachmentsPanel(props: {
  caseId: string;
  kind: AttachmentFields['recordKind'];
  recordId: string;
  /** A heading of its own, e.g. “现场照片”; the add button then reads “添加照片”. */
  title?: string | undefined;
}) {
  const { caseId, kind, recordId, title } = props;
  const attachments = useAttachments(recordId);
  const mutations = useAttachmentMutations(caseId, kind, recordId);
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<Attachment | null>(null);
  const addLabel = title ? z.addPhotos : z.add;

  async function addChosen(chosen: FileList | null) {
    const files = Array.from(chosen ?? []);
    // Cleared so that choosing the same file again (after fixing it) fires `change` again.
    if (input.current) input.current.value = '';
    if (files.length === 0) return;
    setProblem(null);
    setAdding(true);
    try {
      const added = await mutations.add(files);
      void message.success(z.added(added.length));
    } catch (error) {
      setProblem(problemText(z.addFailed, error));
    } finally {
      setAdding(false);
    }
  }

  function remove(id: string) {
    setProblem(null);
    mutations.remove(id).catch((error: unknown) => setProblem(problemText(z.removeFailed, error)));
  }

  return (
    <section aria-label={title ?? zh.records.attachments}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text strong>{title ?? zh.records.attachments}</Typography.Text>
          <Button
            icon={<PaperClipOutlined />}
            loading={adding}
            disabled={!mutations.canWrite}
            onClick={() => input.current?.click()}
          >
            {addLabel}
          </Button>
        </Flex>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={addLabel}
          data-testid="attachment-input"
          onChange={(event) => void addChosen(event.currentTarget.files)}
        />
        <Typography.Text type="secondary">{z.hint}</Typography.Text>
        {problem && (
          <Alert
            type="error"
            role="alert"
            showIcon
            title={<span style={{ whiteSpace: 'pre-line' }}>{problem}</span>}
            closable={{ onClose: () => setProblem(null) }}
          />
        )}
        {attachments === undefined ? (
          <Spin />
        ) : attachments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={z.none} />
        ) : (
          <ul style={grid}>
            {attachments.map((a) => (
              <li key={a.id}>
                <AttachmentCard
                  attachment={a}
                  canRemove={mutations.canWrite}
                  onOpen={() => setOpen(a)}
                  onRemove={() => remove(a.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </Flex>
      {open && <AttachmentPreview attachment={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

/** The refusal as the repository words it (one line per file), or the failure with a lead-in. */
function problemText(leadIn: string, error: unknown): string {
  if (error instanceof ValidationError) return Object.values(error.fieldErrors).join('\n');
  return leadIn + (error instanceof Error ? error.message : String(error));
}

const grid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(168px, 1fr))',
  gap: 12,
  listStyle: 'none',
  margin: 0,
  padding: 0,
} as const;
