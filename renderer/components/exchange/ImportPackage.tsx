import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ulid } from 'ulid';
import { asNewCopy } from '../../../shared/package/copy';
import { CASE_NAME_MAX } from '../../../shared/domain/case.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { PackageError } from '../../../shared/package/problems';
import { normalizePassphrase } from '../../../shared/package/passphrase';
import { fingerprint } from '../../../shared/package/fingerprint';
import type { Incoming, Repositories, TableCounts } from '../../db';
import { useRepos } from '../../app/session';
import { fileSha256, pickPackageFile, readPackage, type ReadPackage } from '../../hooks/packages';
import type { PickedFile } from '../../host/fileStreams';
import { TransferProgress, useTransfer } from './TransferProgress';
import { NoSpaceForSnapshot, takeSnapshot } from '../../snapshots/snapshots';

/**
 * What a package applied here says for 巡后清退: a member's package is noted on the 组长's
 * laptop, to be acknowledged in the next 汇总包; a 汇总包 may acknowledge this laptop's last
 * package (named in the certificate by the file's SHA-256). Noting it may fail without
 * failing the import: the next 汇总包 acknowledges again.
 */
async function noteAcknowledgements(repos: Repositories, read: ReadPackage, file?: Picked) {
  try {
    await repos.clearance.noteReceived(read.manifest);
    if (acknowledges(read.manifest) && file) {
      await repos.clearance.noteSummary(read.manifest, await fileSha256(file));
    }
  } catch {
    // See above.
  }
}

/** A 汇总包 that acknowledges packages: applied even with no row new, to note that. */
const acknowledges = (manifest: ReadPackage['manifest']) =>
  manifest.kind === 'summary' && (manifest.acknowledges?.length ?? 0) > 0;

/** The snapshot before a merge: if it cannot be kept, the merge does not happen. */
async function snapshotBefore(repos: Repositories, caseId: string, reason: 'import' | 'restore') {
  try {
    await takeSnapshot(repos, caseId, reason);
  } catch (error) {
    const why = error instanceof NoSpaceForSnapshot ? zh.backup.noSpace : zh.backup.failedOther;
    throw new Error(zh.backup.failedBefore(why), { cause: error });
  }
}

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

/** Where the package comes from when it is not a file the user picks: a snapshot here. */
export interface PackageSource {
  readonly pick: () => Promise<PickedFile>;
  readonly label: string;
  readonly testId: string;
  /** The snapshot it restores, for the audit log. */
  readonly snapshot: { readonly name: string; readonly takenAt: string };
  /** Restore as a new case beside the one on this laptop, rather than merged into it. */
  readonly asCopy?: boolean;
}

/** The snapshot's case as a new one, named as a copy of the day it was taken. */
function copyOf(read: ReadPackage, takenAt: string): ReadPackage {
  const suffix = zh.backup.copySuffix(dayjs(takenAt).format('YYYY-MM-DD HH:mm'));
  const { caseId, contents } = asNewCopy(
    read.contents,
    read.manifest.caseId,
    ulid,
    (unit) => unit.slice(0, CASE_NAME_MAX - suffix.length) + suffix,
  );
  return { ...read, manifest: { ...read.manifest, caseId }, contents };
}

/**
 * 导入数据包: choose a file, open it (this laptop's key, or the passphrase the 组长 told), see
 * what it would change, then apply it as one merge, or cancel with nothing written. Before a
 * case on this laptop changes, a snapshot of it is kept; if that fails nothing is applied.
 * With a `source` (a snapshot), the same steps restore it.
 */
export function ImportPackageButton({
  onImported,
  source,
}: {
  onImported?: (caseId: string) => void;
  source?: PackageSource;
}) {
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
      const opened = await readPackage(repos, file, passphrase, {
        onCancel: (cancel) => (cancelRef.current = cancel),
        onProgress: report,
      });
      const read = source?.asCopy ? copyOf(opened, source.snapshot.takenAt) : opened;
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
    const picked = await (source?.pick ?? pickPackageFile)();
    if (picked.status === 'cancelled') return;
    if (picked.status === 'tooLarge') return fail(new PackageError('tooLarge', picked.name));
    held.current = { file: picked };
    await open(picked, null);
  };

  const apply = async (read: ReadPackage, incoming: Incoming) => {
    // Once the merge has started it finishes or fails as a whole: nothing to cancel.
    reset();
    try {
      if (!incoming.newCase) {
        setStep({ kind: 'busy', label: zh.backup.snapshotting, cancellable: false });
        await snapshotBefore(repos, read.manifest.caseId, source ? 'restore' : 'import');
      }
      setStep({ kind: 'busy', label: t.applying, cancellable: false });
      const result = await repos.packages.apply(read.manifest, read.contents, (done, total) =>
        report('merge', done, total),
      );
      await noteAcknowledgements(repos, read, held.current.file);
      if (source) {
        const { name, takenAt } = source.snapshot;
        const detail = { snapshot: name, takenAt, into: source.asCopy ? 'copy' : 'merge' } as const;
        await repos.audit.append(read.manifest.caseId, 'snapshotRestore', detail).catch(() => {});
      }
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
      <Button
        icon={source ? <HistoryOutlined /> : <ImportOutlined />}
        onClick={() => void start()}
        data-testid={source?.testId ?? 'import-package'}
      >
        {source?.label ?? t.importButton}
      </Button>
      <Modal
        open={step.kind !== 'idle'}
        title={
          step.kind === 'preview' ? t.previewTitle : source ? zh.backup.restoreTitle : t.importTitle
        }
        onCancel={close}
        closable={step.kind !== 'busy' || step.cancellable}
        keyboard={step.kind !== 'busy' || step.cancellable}
        maskClosable={false}
        destroyOnHidden
        footer={
          step.kind === 'busy' && !step.cancellable ? null : step.kind === 'preview' &&
            (!step.incoming.nothingNew || acknowledges(step.read.manifest)) &&
            !step.incoming.boundElsewhere ? (
            <Space>
              <Button onClick={close}>{zh.common.cancel}</Button>
              <Button
                type="primary"
                onClick={() => void apply(step.read, step.incoming)}
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
        {incoming.newAudit > 0 && ` · ${t.auditEntries(incoming.newAudit)}`}
      </Typography.Text>
    </Space>
  );
}
