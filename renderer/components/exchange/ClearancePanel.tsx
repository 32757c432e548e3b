import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { zh } from '../../../shared/i18n/zh-CN';
import type { CaseRecord } from '../../../shared/domain/case.schema';
import type { MemberRecord } from '../../../shared/domain/member.schema';
import { useEraseCaseKey, useRepos } from '../../app/session';
import { navigate } from '../../app/route';
import {
  clearCase,
  saveCertificate,
  useClearanceState,
  type ClearanceCertificate,
} from '../../hooks/clearance';

const t = zh.clearance;
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * 巡后清退 on a member's laptop: whether the 组长 holds all of this laptop's work, and giving
 * the case up. Once acknowledged it asks once; otherwise twice, saying what would be lost.
 */
export function ClearancePanel({ caseRecord, me }: { caseRecord: CaseRecord; me: MemberRecord }) {
  const repos = useRepos();
  const eraseKey = useEraseCaseKey();
  const state = useClearanceState(caseRecord.id);
  const { modal, message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  if (!state) return null;
  const ack = state.acknowledgement;
  const safe = ack !== null && state.unacknowledgedWrites === 0 && state.unsavedEdits === 0;

  const offerCertificate = (certificate: ClearanceCertificate) =>
    modal.success({
      title: t.done,
      content: t.certificate.keyDestroyed,
      okText: t.exportCertificate,
      closable: true,
      onOk: async () => {
        const saved = await saveCertificate(certificate);
        if (saved) void message.success(t.certificateSaved(saved.name));
      },
    });

  const clear = async () => {
    setBusy(true);
    try {
      const certificate = await clearCase(repos, eraseKey, caseRecord.id, me.name);
      navigate({ page: 'cases' });
      offerCertificate(certificate);
    } catch (error) {
      void message.error(t.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  const ask = () => {
    const lossText = t.confirmLoss(state.unacknowledgedWrites, state.unsavedEdits);
    modal.confirm({
      title: t.confirmTitle,
      content: safe ? t.confirmSafe : lossText,
      okText: t.ok,
      okButtonProps: { danger: true },
      onOk: () =>
        safe
          ? void clear()
          : modal.confirm({
              title: t.confirmAgainTitle,
              content: t.confirmAgain,
              okText: t.ok,
              okButtonProps: { danger: true },
              onOk: () => void clear(),
            }),
    });
  };

  return (
    <Card title={t.title} size="small" data-testid="clearance">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.lead}</Typography.Text>
        {ack && state.unacknowledgedWrites === 0 ? (
          <Alert
            type="success"
            showIcon
            message={t.acknowledged(when(ack.summaryCreatedAt), when(ack.exportCreatedAt))}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            message={ack ? t.lateWrites(state.unacknowledgedWrites) : t.notAcknowledged}
          />
        )}
        {state.unsavedEdits > 0 && (
          <Alert type="warning" showIcon message={t.unsaved(state.unsavedEdits)} />
        )}
        <Button danger icon={<DeleteOutlined />} loading={busy} onClick={ask}>
          {t.button}
        </Button>
      </Space>
    </Card>
  );
}
