import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';

const RETRY_MS = 3_000;

/**
 * Keeps a page from going blank when something on it fails to render: most often a read of
 * the database that failed (Chromium closes the connection when the disk is full). Says so in
 * words, never as a wrong page such as 找不到该巡察任务, and tries again by itself: `recover`
 * reopens the database, then the page renders afresh. What is saved is not touched.
 */
export class PageBoundary extends Component<
  {
    children: ReactNode;
    recover: () => Promise<void>;
    /** Where the user is: going elsewhere tries afresh, without remounting a working page. */
    where: string;
  },
  { failed: boolean; where: string }
> {
  override state = { failed: false, where: this.props.where };
  private timer: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { where: string }, state: { where: string }) {
    return props.where === state.where ? null : { failed: false, where: props.where };
  }

  override componentDidCatch(error: unknown) {
    // For whoever looks at the console (never shown: the page says it in words).
    console.error('页面渲染失败，将自动重试：', error);
    this.schedule();
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
