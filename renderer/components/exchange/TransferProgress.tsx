import { useCallback, useRef, useState } from 'react';
import { Progress, Space, Typography } from 'antd';
import { zh } from '../../../shared/i18n/zh-CN';
import { formatBytes } from '../../../shared/domain/attachment';
import type { TransferPhase } from '../../package/protocol';

const t = zh.exchange;

export interface Transfer {
  readonly phase: TransferPhase;
  readonly done: number;
  readonly total: number;
  /** Seconds since this phase started, for the time left. */
  readonly elapsed: number;
}

/** The progress of one long package step, and the callback the step reports to. */
export function useTransfer() {
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const since = useRef<{ phase: TransferPhase; at: number } | null>(null);
  const report = useCallback((phase: TransferPhase, done: number, total: number) => {
    const now = performance.now();
    if (since.current?.phase !== phase) since.current = { phase, at: now };
    setTransfer({ phase, done, total, elapsed: (now - since.current.at) / 1000 });
  }, []);
  const reset = useCallback(() => {
    since.current = null;
    setTransfer(null);
  }, []);
  return { transfer, report, reset };
}

/** Percentage, bytes and time left; the time only once a second of work says how fast it goes. */
export function TransferProgress({ transfer }: { transfer: Transfer }) {
  const { phase, done, total, elapsed } = transfer;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const left = elapsed >= 1 && done > 0 ? ((total - done) * elapsed) / done : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="transfer-progress">
      <Typography.Text>{t.phases[phase]}</Typography.Text>
      <Progress percent={Math.floor(fraction * 100)} status="active" />
      <Typography.Text type="secondary">
        {phase === 'merge'
          ? t.progress(t.items(done), t.items(total), left)
          : t.progress(formatBytes(done), formatBytes(total), left)}
      </Typography.Text>
    </Space>
  );
}
