import { Button, Card, Popconfirm, Tooltip, Typography } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
} from '@ant-design/icons';
import { formatBytes, isPreviewable, safeName } from '../../../shared/domain/attachment';
import { zh } from '../../../shared/i18n/zh-CN';
import { downloadAttachment, useBytes, type Attachment } from '../../hooks/attachments';
import { useRepos } from '../../app/session';
import { useBlobSrc } from './objectUrl';

const THUMB_HEIGHT = 120;
const z = zh.attachment;

/** One attachment in the grid: its thumbnail or a file icon, name, size, download and delete. */
export function AttachmentCard(props: {
  attachment: Attachment;
  canRemove: boolean;
  onOpen: () => void;
  onRemove: () => void;
}) {
  const { attachment: a, canRemove, onOpen, onRemove } = props;
  const repos = useRepos();
  const name = safeName(a.name); // never as given: see safeName
  return (
    <Card
      size="small"
      data-testid="attachment-card"
      styles={{ body: { padding: '6px 8px' } }}
      cover={
        <button type="button" aria-label={z.open(name)} onClick={onOpen} style={coverButton}>
          {a.thumbSha256 ? <Thumbnail sha256={a.thumbSha256} /> : <FileIcon mime={a.mime} />}
        </button>
      }
      actions={[
        <Tooltip key="download" title={z.download}>
          <Button
            type="text"
            size="small"
            icon={<DownloadOutlined />}
            aria-label={z.downloadNamed(name)}
            onClick={() => void downloadAttachment(repos, a)}
          />
        </Tooltip>,
        <Popconfirm
          key="remove"
          title={z.removeConfirm}
          okText={zh.common.confirm}
          cancelText={zh.common.cancel}
          disabled={!canRemove}
          onConfirm={onRemove}
        >
          <Tooltip title={z.remove}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={z.removeNamed(name)}
              disabled={!canRemove}
            />
          </Tooltip>
        </Popconfirm>,
      ]}
    >
      <Typography.Text ellipsis={{ tooltip: name }} style={{ display: 'block' }}>
        {name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatBytes(a.size)}
      </Typography.Text>
    </Card>
  );
}

function Thumbnail({ sha256 }: { sha256: string }) {
  const ref = useBlobSrc(useBytes(sha256) ?? null);
  return (
    <img
      ref={ref}
      alt=""
      style={{ width: '100%', height: THUMB_HEIGHT, objectFit: 'contain', display: 'block' }}
    />
  );
}

function FileIcon({ mime }: { mime: string }) {
  const kind = isPreviewable(mime);
  const style = { fontSize: 44, color: kind === 'pdf' ? '#cf1322' : '#8c8c8c' };
  if (kind === 'pdf') return <FilePdfOutlined style={style} />;
  if (kind === 'image') return <FileImageOutlined style={style} />;
  return <FileOutlined style={style} />;
}

const coverButton = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: '100%',
  height: THUMB_HEIGHT,
  padding: 0,
  border: 0,
  background: '#fafafa',
  cursor: 'pointer',
  overflow: 'hidden',
} as const;
