/**
 * The lock screen (issue 16): the first start sets the passphrase; every start, and every lock,
 * asks for it. Nothing behind it has been opened: the data is opened only with the keys this
 * screen hands over. Every refusal is said beside the field, never as a crash.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, ConfigProvider, Form, Input, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { zh } from '../../shared/i18n/zh-CN';
import {
  DamagedKey,
  passphraseProblem,
  passphraseStrength,
  WrongPassphrase,
} from '../../shared/rest/caseKeys';
import { NotRecoverable, TooSoon, type KeyChain, type Keyring } from '../db/keyring';
import type { UnlockWay } from '../../shared/domain/audit.schema';

const r = zh.rest;
const WAYS = { new: 'setup', recover: 'recovery', unlock: 'passphrase' } as const;

interface Props {
  readonly ring: Keyring;
  readonly mode: 'new' | 'locked';
  /**
   * Called with the keys once the passphrase opened them, and how (for the audit log); the app
   * then opens the data.
   */
  readonly onUnlocked: (keys: KeyChain, how: UnlockWay) => Promise<void>;
  /** What the app is doing with the keys (sealing older data), once unlocked. */
  readonly progress?: string;
  /** Why the last unlock did not open the data (the passphrase was right). */
  readonly problem?: string;
}

export function LockScreen({ ring, mode, onUnlocked, progress, problem: openProblem }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState({ field: '', again: '', fatal: '' });
  const [busy, setBusy] = useState(false);
  const [waitMs, setWaitMs] = useState(0);
  const [failures, setFailures] = useState(0);
  const [recovering, setRecovering] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState('');
  /** What the form does: set the first passphrase, unlock, or recover with the 组长's key. */
  const form = mode === 'new' ? 'new' : recovering ? 'recover' : 'unlock';
  const setsPassphrase = form !== 'unlock';

  useEffect(() => {
    void ring.waitMs().then(setWaitMs);
    void ring.failures().then((f) => setFailures(f.count));
  }, [ring]);
  useEffect(() => {
    if (waitMs <= 0) return;
    const tick = setTimeout(() => setWaitMs((ms) => Math.max(0, ms - 1000)), 1000);
    return () => clearTimeout(tick);
  }, [waitMs]);

  async function submit() {
    const first = passphraseProblem(passphrase);
    const mismatch = setsPassphrase && passphrase !== again ? r.mismatch : '';
    setProblem({ field: first, again: first ? '' : mismatch, fatal: '' });
    if (first || mismatch || busy || (form === 'unlock' && waitMs > 0)) return;
    setBusy(true);
    try {
      const keys =
        form === 'new'
          ? await ring.create(passphrase)
          : form === 'recover'
            ? await ring.recover(recoveryKey, passphrase)
            : await ring.unlock(passphrase);
      setPassphrase('');
      setAgain('');
      setRecoveryKey('');
      await onUnlocked(keys, WAYS[form]);
    } catch (error) {
      if (error instanceof NotRecoverable)
        setProblem({ field: '', again: '', fatal: error.message });
      else if (error instanceof TooSoon) setWaitMs(error.waitMs);
      else if (error instanceof WrongPassphrase) {
        setProblem({ field: error.message, again: '', fatal: '' });
        setFailures((await ring.failures()).count);
        setWaitMs(await ring.waitMs());
      } else if (error instanceof DamagedKey)
        setProblem({ field: '', again: '', fatal: r.damagedKey });
      else setProblem({ field: '', again: '', fatal: r.openFailed });
    } finally {
      setBusy(false);
    }
  }

  const strength = passphrase ? r.strength[passphraseStrength(passphrase)] : r.strengthHint;
  const waiting = waitMs > 0 ? r.tooSoon(Math.ceil(waitMs / 1000)) : '';
  const title = { new: r.setupTitle, unlock: r.lockedTitle, recover: r.recoverTitle }[form];
  const lead = { new: r.setupLead, unlock: r.lockedLead, recover: r.recoverLead }[form];
  const action = { new: r.setUp, unlock: r.unlock, recover: r.recover }[form];
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 15 }, zeroRuntime: true }}>
      <main
        data-testid="lock-screen"
        style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}
      >
        <Card style={{ width: 460 }}>
          <Typography.Title level={3}>{title}</Typography.Title>
          <Typography.Paragraph type="secondary">{lead}</Typography.Paragraph>
          {form === 'new' && (
            <Alert type="warning" showIcon title={r.setupWarning} style={{ marginBottom: 16 }} />
          )}
          <Form layout="vertical" onFinish={() => void submit()} disabled={busy || !!progress}>
            {form === 'recover' && (
              <Form.Item label={r.recoveryKey} htmlFor="recovery-key">
                <Input.TextArea
                  id="recovery-key"
                  autoFocus
                  rows={3}
                  spellCheck={false}
                  value={recoveryKey}
                  onChange={(e) => setRecoveryKey(e.target.value)}
                />
              </Form.Item>
            )}
            <Form.Item
              label={form === 'recover' ? r.newPassphrase : r.passphrase}
              htmlFor="passphrase"
              validateStatus={problem.field ? 'error' : undefined}
              help={problem.field || (setsPassphrase ? strength : undefined)}
            >
              <Input.Password
                id="passphrase"
                autoFocus={form !== 'recover'}
                autoComplete={setsPassphrase ? 'new-password' : 'current-password'}
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </Form.Item>
            {setsPassphrase && (
              <Form.Item
                label={r.passphraseAgain}
                htmlFor="passphrase-again"
                validateStatus={problem.again ? 'error' : undefined}
                help={problem.again || undefined}
              >
                <Input.Password
                  id="passphrase-again"
                  autoComplete="new-password"
                  value={again}
                  onChange={(e) => setAgain(e.target.value)}
                />
              </Form.Item>
            )}
            {failures > 0 && form === 'unlock' && (
              <Typography.Paragraph type="warning">{r.failures(failures)}</Typography.Paragraph>
            )}
            {waiting && form === 'unlock' && (
              <Alert type="warning" title={waiting} style={{ marginBottom: 16 }} />
            )}
            {(problem.fatal || openProblem) && (
              <Alert
                type="error"
                title={problem.fatal || openProblem}
                style={{ marginBottom: 16 }}
              />
            )}
            {progress && <Alert type="info" title={progress} style={{ marginBottom: 16 }} />}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={busy}
              disabled={form === 'unlock' && waitMs > 0}
            >
              {busy ? r.unlocking : action}
            </Button>
          </Form>
          {mode === 'locked' && (
            <Button
              type="link"
              style={{ padding: 0, marginTop: 12 }}
              onClick={() => {
                setRecovering(!recovering);
                setProblem({ field: '', again: '', fatal: '' });
              }}
            >
              {recovering ? r.back : r.forgot}
            </Button>
          )}
        </Card>
      </main>
    </ConfigProvider>
  );
}
