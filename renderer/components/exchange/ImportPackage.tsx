import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { zh } from '../../../shared/i18n/zh-CN';
import { PackageError } from '../../../shared/package/problems';
import { normalizePassphrase } from '../../../shared/package/passphrase';
import { fingerprint } from '../../../shared/package/fingerprint';
import type { Incoming, Repositories, TableCounts } from '../../db';
import { useRepos } from '../../app/session';
import { pickPackageFile, readPackage, type ReadPackage } from '../../hooks/packages';
import type { PickedFile } from '../../host/fileStreams';
import { TransferProgress, useTransfer } from './TransferProgress';

const t = zh.exchange;

type Picked = Extract<PickedFile, { status: 'picked' }>;

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly label: string; readonly cancellable: boolean }
  /** Shown in the dialog until closed: a toast that fades could be missed. */
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'passphrase'; readonly file: Picked; readonly error?: string }
  | {
      readonly kind: 'preview';
      readonly read: ReadPackage;
      readonly incoming: Incoming;
      readonly from: string;
      readonly unit: string;
      readonly joinAs: string;
      /** The fingerprint of the key the exporter's laptop claims, to compare in person. */
      readonly senderKey: string;
    };

/** Names in a package, read from its rows or from this laptop. */
async function namesOf(repos: Repositories, { manifest, contents }: ReadPackage) {
  const text = (table: string, id: string, field: string): string | undefined => {
    const row = contents.rows.find((r) => r.table === table && r.row.id === id)?.row;
    const value = (row as Record<string, unknown> | undefined)?.[field];
    return typeof value === 'string' ? value : undefined;
  };
  const member = async (id: string) =>
    text('members', id, 'name') ?? (await repos.members.get(id))?.name ?? '';
  const unit =
    text('cases', manifest.caseId, 'unitName') ??
    (await repos.cases.get(manifest.caseId))?.unitName ??
    '';
  const senderKey =
    text('members', manifest.exportedBy.memberId, 'recipient') ??
    (await repos.members.get(manifest.exportedBy.memberId))?.recipient;
  return {
    from: await member(manifest.exportedBy.memberId),
    unit,
    joinAs: manifest.kind === 'join' ? await member(manifest.forMember) : '',
    senderKey: senderKey ? fingerprint(senderKey) : '',
  };
}

/**
 * 导入数据包: choose a file, open it (this laptop's key, or the passphrase the 组长 told), see
 * what it would change, then apply it as one merge, or cancel with nothing written.
 */
export function ImportPackageButton({ onImported }: { onImported?: (caseId: string) => void }) {
  const repos = useRepos();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);
  /** What is open and staged now, let go of when the dialog closes whichever way. */
  const held = useRef<{ file?: Picked; read?: ReadPackage }>({});
  const { transfer, report, reset } = useTransfer();
  const { message } = AntApp.useApp();

  const release = () => {
    const { file, read } = held.current;
    held.current = {};
    void read?.discard();
    void file?.close();
  };
  const fail = (error: unknown) => {
    release();
    if (error instanceof PackageError && error.problem === 'cancelled') {
      setStep({ kind: 'idle' });
      void message.info(error.message);
    } else {
      const text = error instanceof Error ? error.message : String(error);
      setStep({ kind: 'failed', message: `${t.failed}${text}` });
    }
  };

  const open = async (file: Picked, passphrase: string | null) => {
    reset();
    setStep({ kind: 'busy', label: t.opening, cancellable: true });
    try {
      const read = await readPackage(repos, file, passphrase, {
        onCancel: (cancel) => (cancelRef.current = cancel),
        onProgress: report,
      });
      held.current.read = read;
      const incoming = await repos.packages.preview(read.manifest, read.contents);
      setStep({ kind: 'preview', read, incoming, ...(await namesOf(repos, read)) });
    } catch (error) {
      if (error instanceof PackageError && error.problem === 'needsPassphrase') {
        setStep({ kind: 'passphrase', file });
      } else if (error instanceof PackageError && error.problem === 'wrongPassphrase') {
        setStep({ kind: 'passphrase', file, error: error.message });
      } else fail(error);
    } finally {
      cancelRef.current = null;
    }
  };

  const start = async () => {
    const picked = await pickPackageFile();
    if (picked.status === 'cancelled') return;
    if (picked.status === 'tooLarge') return fail(new PackageError('tooLarge', picked.name));
    held.current = { file: picked };
    await open(picked, null);
  };

  const apply = async (read: ReadPackage) => {
    // Once the merge has started it finishes or fails as a whole: nothing to cancel.
    reset();
    setStep({ kind: 'busy', label: t.applying, cancellable: false });
    try {
      const result = await repos.packages.apply(read.manifest, read.contents, (done, total) =>
        report('merge', done, total),
      );
      release();
      setStep({ kind: 'idle' });
      void message.success(t.applied(result.stored, result.conflicts.length));
      onImported?.(read.manifest.caseId);
    } catch (error) {
      fail(error);
    }
  };

  const close = () => {
    cancelRef.current?.();
    cancelRef.current = null;
    release();
    setStep({ kind: 'idle' });
  };

  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => void start()} data-testid="import-package">
        {t.importButton}
      </Button>
      <Modal
        open={step.kind !== 'idle'}
        title={step.kind === 'preview' ? t.previewTitle : t.importTitle}
        onCancel={close}
        closable={step.kind !== 'busy' || step.cancellable}
        keyboard={step.kind !== 'busy' || step.cancellable}
        maskClosable={false}
        destroyOnHidden
        footer={
          step.kind === 'busy' && !step.cancellable ? null : step.kind === 'preview' &&
            !step.incoming.nothingNew &&
            !step.incoming.boundElsewhere ? (
            <Space>
              <Button onClick={close}>{zh.common.cancel}</Button>
              <Button
                type="primary"
                onClick={() => void apply(step.read)}
                data-testid="apply-package"
              >
                {t.apply}
              </Button>
            </Space>
          ) : (
            <Button onClick={close}>
              {step.kind === 'busy'
                ? t.cancel
                : step.kind === 'failed' || step.kind === 'preview'
                  ? t.close
                  : zh.common.cancel}
            </Button>
          )
        }
      >
        {step.kind === 'failed' && (
          <Alert type="error" showIcon message={step.message} data-testid="import-failed" />
        )}
        {step.kind === 'busy' && <Typography.Paragraph>{step.label}</Typography.Paragraph>}
        {step.kind === 'busy' && transfer && <TransferProgress transfer={transfer} />}
        {step.kind === 'passphrase' && (
          <PassphraseForm error={step.error} onSubmit={(p) => void open(step.file, p)} />
        )}
        {step.kind === 'preview' && <Preview step={step} />}
      </Modal>
    </>
  );
}

function PassphraseForm(props: { error?: string | undefined; onSubmit: (p: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Form layout="vertical" onFinish={() => props.onSubmit(normalizePassphrase(value))}>
      <Typography.Paragraph>{t.askPassphrase}</Typography.Paragraph>
      <Form.Item
        label={t.passphrase}
        validateStatus={props.error ? 'error' : ''}
        help={props.error}
      >
        <Input.Password
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          data-testid="package-passphrase"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={value.trim() === ''}>
        {t.open}
      </Button>
    </Form>
  );
}

function Preview({ step }: { step: Extract<Step, { kind: 'preview' }> }) {
  const { manifest } = step.read;
  const { incoming } = step;
  const rows = Object.entries(incoming.tables).map(([table, counts]) => ({ table, ...counts }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="package-preview">
      <Typography.Text>
        {t.kinds[manifest.kind]} ·{' '}
        {t.from(step.from, dayjs(manifest.createdAt).format('YYYY-MM-DD HH:mm'))}
      </Typography.Text>
      {step.unit && <Typography.Text>{t.unit(step.unit)}</Typography.Text>}
      {step.senderKey && (
        <Typography.Text type="secondary">{t.senderKey(step.senderKey)}</Typography.Text>
      )}
      {incoming.nothingNew && <Alert type="info" showIcon message={t.nothingNew} />}
      {incoming.newCase && manifest.kind !== 'join' && (
        <Alert type="warning" showIcon message={t.newCase(step.unit)} />
      )}
      {incoming.boundElsewhere && <Alert type="error" showIcon message={t.boundElsewhere} />}
      {manifest.kind === 'join' && step.joinAs && !incoming.boundElsewhere && (
        <Alert type="info" showIcon message={t.joinAs(step.joinAs)} />
      )}
      {incoming.conflicts.length > 0 && (
        <Alert type="warning" showIcon message={t.conflictsFound(incoming.conflicts.length)} />
      )}
      <Table<{ table: string } & TableCounts>
        size="small"
        rowKey="table"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t.table, dataIndex: 'table', render: (n: string) => t.tables[n] ?? n },
          { title: t.added, dataIndex: 'added' },
          { title: t.changed, dataIndex: 'changed' },
          { title: t.deleted, dataIndex: 'deleted' },
          { title: t.same, dataIndex: 'same' },
        ]}
      />
      <Typography.Text type="secondary">
        {t.revisions(incoming.newRevisions)} · {t.files(incoming.newFiles)}
      </Typography.Text>
    </Space>
  );
}
