import { useState } from 'react';
import { Button, Card, Descriptions, Popconfirm, Typography } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';
import { useExportRecoveryKey, useLaptopKey } from '../hooks/laptopKey';

const t = zh.laptopKey;

/**
 * This laptop's package key: the fingerprint two people read aloud, and the key to copy. On the
 * 组长's laptop, also the export of the recovery key that opens what members escrowed to it.
 */
export function LaptopKeyCard({ leader }: { leader: boolean }) {
  const key = useLaptopKey();
  const exportKey = useExportRecoveryKey();
  const [said, setSaid] = useState('');

  async function saveRecoveryKey() {
    setSaid('');
    try {
      const done = await exportKey();
      if (done) {
        setSaid(
          done.status === 'saved' ? t.recoverySaved(done.name) : t.recoveryDownloading(done.name),
        );
      }
    } catch (error) {
      setSaid(zh.report.failed(error instanceof Error ? error.message : String(error)));
    }
  }

  return (
    <Card size="small" title={t.title} data-testid="laptop-key" style={{ marginTop: 16 }}>
      {key ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t.fingerprint}>
            <Typography.Text
              strong
              style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 }}
              data-testid="laptop-fingerprint"
            >
              {key.fingerprint}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t.recipient}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {key.recipient}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t.making}</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t.hint}
      </Typography.Paragraph>
      {leader && (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
            {t.exportRecoveryHint}
          </Typography.Paragraph>
          <Popconfirm title={t.exportRecoveryConfirm} onConfirm={() => void saveRecoveryKey()}>
            <Button size="small">{t.exportRecovery}</Button>
          </Popconfirm>
          {said && (
            <Typography.Text style={{ marginLeft: 8 }} data-testid="recovery-export">
              {said}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
