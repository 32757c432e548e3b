/** The application menu: standard roles only (so copy/paste and undo work everywhere), in Chinese. */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(opts: {
  platform: string;
  packaged: boolean;
}): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新载入' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!opts.packaged) view.push({ role: 'toggleDevTools', label: '开发者工具' });
  return [
    ...(mac ? [{ role: 'appMenu' as const, label: '巡察工作台' }] : []),
    {
      label: '文件',
      submenu: [mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { role: 'windowMenu', label: '窗口' },
  ];
}
