import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileWordOutlined,
  HistoryOutlined,
  MailOutlined,
  SwapOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import type { Section } from './route';

/** The left navigation of a case, in the order the work is done. */
export const SECTION_MENU: readonly { key: Section; label: string; icon: ReactNode }[] = [
  { key: 'overview', label: zh.workspace.overview, icon: <DashboardOutlined /> },
  { key: 'interviews', label: zh.workspace.interviews, icon: <CommentOutlined /> },
  { key: 'docReviews', label: zh.workspace.docReviews, icon: <FileSearchOutlined /> },
  { key: 'siteVisits', label: zh.workspace.siteVisits, icon: <EnvironmentOutlined /> },
  { key: 'petitions', label: zh.workspace.petitions, icon: <MailOutlined /> },
  { key: 'findings', label: zh.workspace.findings, icon: <WarningOutlined /> },
  { key: 'rectification', label: zh.workspace.rectification, icon: <CarryOutOutlined /> },
  // Shown for a 回头看 case only (CaseWorkspace).
  { key: 'lookback', label: zh.workspace.lookback, icon: <HistoryOutlined /> },
  { key: 'comparison', label: zh.workspace.comparison, icon: <BarChartOutlined /> },
  { key: 'report', label: zh.workspace.report, icon: <FileWordOutlined /> },
  { key: 'exchange', label: zh.workspace.exchange, icon: <SwapOutlined /> },
  { key: 'team', label: zh.workspace.team, icon: <TeamOutlined /> },
  { key: 'audit', label: zh.workspace.audit, icon: <AuditOutlined /> },
];
