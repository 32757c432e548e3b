import { useState } from 'react';
import { Button, Modal, Result } from 'antd';
import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { formatBytes, isPreviewable, safeName } from '../../../shared/domain/attachment';
import { zh } from '../../../shared/i18n/zh-CN';
import { downloadAttachment, useBytes, type Attachment } from '../../hooks/attachments';
import { useRepos } from '../../app/session';
import { useBlobSrc } from './objectUrl';

/** The full image, the PDF, or (for other files) a note and 下载; mounted only while open. */
export function AttachmentPreview(props: { attachment: Attachment; onClose: () => void }) {
  const { attachment: a, onClose } = props;
  const repos = useRepos();
  const kind = isPreviewable(a.mime);
  // The full-size Blob gets a URL only while the dialog is open.
  const bytes = useBytes(kind ? a.sha256 : null);
  // Chromium's PDF viewer titles its toolbar with the blob's random id: the dialog already
  // shows the file's name, and 下载 is below, so the PDF is shown without that toolbar.
  const src = useBlobSrc(bytes ?? null, kind === 'pdf' ? '#toolbar=0' : '');
  // A file named .png that is not an image: say so rather than show an empty frame.
  const [unreadable, setUnreadable] = useState(false);
  return (
    <Modal
      open
      centered
      title={safeName(a.name)}
      width={kind ? '90vw' : 520}
      onCancel={onClose}
      footer={
        <Button icon={<DownloadOutlined />} onClick={() => void downloadAttachment(repos, a)}>
          {zh.attachment.download}
        </Button>
      }
    >
      {kind === 'image' && !unreadable && (
        <img
          ref={src}
          alt={safeName(a.name)}
          onError={() => setUnreadable(true)}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', margin: '0 auto' }}
        />
      )}
      {kind === 'image' && unreadable && (
        <Result
          status="warning"
          title={zh.attachment.notAnImage}
          subTitle={`${safeName(a.name)} · ${formatBytes(a.size)}`}
          data-testid="preview-unreadable"
        />
      )}
      {kind === 'pdf' && (
        <iframe
          ref={src}
          title={safeName(a.name)}
          style={{ width: '100%', height: '80vh', border: 0 }}
        />
      )}
      {kind === null && (
        <Result
          icon={<FileOutlined />}
          title={zh.attachment.noPreview}
          subTitle={`${safeName(a.name)} · ${formatBytes(a.size)}`}
        />
      )}
    </Modal>
  );
}
