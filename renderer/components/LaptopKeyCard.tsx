import { Card, Descriptions, Typography } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';
import { useLaptopKey } from '../hooks/laptopKey';

const t = zh.laptopKey;

/** This laptop's package key: the fingerprint two people read aloud, and the key to copy. */
export function LaptopKeyCard() {
  const key = useLaptopKey();
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
    </Card>
  );
}
