import { Button, Modal, Result } from 'antd';
import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { formatBytes, isPreviewable } from '../../../shared/domain/attachment';
import { zh } from '../../../shared/i18n/zh-CN';
import { downloadAttachment, useBytes, type Attachment } from '../../hooks/attachments';
import { useBlobSrc } from './objectUrl';

/** The full image, the PDF, or (for other files) a note and 下载; mounted only while open. */
export function AttachmentPreview(props: { attachment: Attachment; onClose: () => void }) {
  const { attachment: a, onClose } = props;
  const kind = isPreviewable(a.mime);
  // The full-size Blob gets a URL only while the dialog is open.
  const bytes = useBytes(kind ? a.sha256 : null);
  const src = useBlobSrc(bytes ?? null);
  return (
    <Modal
      open
      centered
      title={a.name}
      width={kind ? '90vw' : 520}
      onCancel={onClose}
      footer={
        <Button icon={<DownloadOutlined />} onClick={() => void downloadAttachment(a)}>
          {zh.attachment.download}
        </Button>
      }
    >
      {kind === 'image' && (
        <img
          ref={src}
          alt={a.name}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', margin: '0 auto' }}
        />
      )}
      {kind === 'pdf' && (
        <iframe ref={src} title={a.name} style={{ width: '100%', height: '80vh', border: 0 }} />
      )}
      {kind === null && (
        <Result
          icon={<FileOutlined />}
          title={zh.attachment.noPreview}
          subTitle={`${a.name} · ${formatBytes(a.size)}`}
        />
      )}
    </Modal>
  );
}
