import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';

const RETRY_MS = 3_000;

/**
 * Keeps a page from going blank when something on it fails to render, and says which of two
 * things happened. A read of the database that failed (Chromium closes the connection when the
 * disk is full): said in words, never as a wrong page such as 找不到该巡察任务, and tried again
 * by itself (`recover` reopens the database, then the page renders afresh). Anything else is a
 * fault of this page: said as such, with the reason, and retried only when asked (it would fail
 * the same way). Either way what is saved is not touched, and the rest of the app stays usable.
 */
export class PageBoundary extends Component<
  {
    children: ReactNode;
    recover: () => Promise<void>;
    /** Where the user is: going elsewhere tries afresh, without remounting a working page. */
    where: string;
  },
  { failed: boolean; where: string; fault: string | null }
> {
  override state = { failed: false, where: this.props.where, fault: null as string | null };
  private timer: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, fault: isDatabaseFailure(error) ? null : describe(error) };
  }

  static getDerivedStateFromProps(props: { where: string }, state: { where: string }) {
    return props.where === state.where ? null : { failed: false, where: props.where, fault: null };
  }

  override componentDidCatch(error: unknown) {
    console.error('页面渲染失败：', error); // the stack, for whoever looks at the console
    if (isDatabaseFailure(error)) this.schedule();
  }

  override componentWillUnmount() {
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule() {
    this.timer ??= setTimeout(() => void this.retry(), RETRY_MS);
  }

  private readonly retry = async () => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.props.recover().catch(() => {}); // still failing: the page fails again, and waits
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    if (this.state.fault !== null) {
      return (
        <Result
          status="error"
          title={zh.app.pageFault}
          subTitle={zh.app.pageFaultHint(this.state.fault)}
          extra={<Button onClick={() => this.setState({ failed: false })}>{zh.app.retry}</Button>}
          data-testid="page-fault"
        />
      );
    }
    return (
      <Result
        status="warning"
        title={zh.app.readFailed}
        subTitle={zh.app.readFailedHint}
        extra={<Button onClick={() => void this.retry()}>{zh.app.retry}</Button>}
        data-testid="page-failed"
      />
    );
  }
}

/** Errors of IndexedDB and of Dexie over it (a closed connection, a failed open, a full disk). */
function isDatabaseFailure(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return /^(DatabaseClosed|OpenFailed|Abort|QuotaExceeded|Unknown|InvalidState|DataError|MissingAPI|Upgrade)(Error)?$/.test(
    name,
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
