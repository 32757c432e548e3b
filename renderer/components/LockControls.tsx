/** The 锁定 button, and how long the app may sit idle before it locks itself (issue 16). */
import { useState } from 'react';
import { Button, Select, Space, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import { useLock } from '../app/session';
import { IDLE_LOCK_CHOICES, idleLockMs, setIdleLockMinutes } from '../app/idleLock';

const r = zh.rest;

export function LockControls() {
  const lock = useLock();
  const [minutes, setMinutes] = useState(() => Math.round(idleLockMs(localStorage) / 60_000));
  const choices: number[] = [...IDLE_LOCK_CHOICES];
  if (!choices.includes(minutes)) choices.push(minutes); // a time set another way stays shown
  return (
    <Space size="small">
      <Tooltip title={r.lockTip}>
        <Button size="small" icon={<LockOutlined />} onClick={() => void lock()}>
          {r.lock}
        </Button>
      </Tooltip>
      <Select
        size="small"
        aria-label={r.autoLockLabel}
        value={minutes}
        popupMatchSelectWidth={false}
        options={choices.sort((a, b) => a - b).map((m) => ({ value: m, label: r.autoLock(m) }))}
        onChange={(m: number) => {
          setIdleLockMinutes(localStorage, m);
          setMinutes(m);
        }}
      />
    </Space>
  );
}
