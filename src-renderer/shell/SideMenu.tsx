// The navigation: a collapsible side menu whose groups (人员 / 岗位 / 培训 / 统计 / 同步与审核 /
// 系统) are always open, showing only what the user's role may reach. Each entry keeps its
// `nav-…` test id; the collapsed state is remembered on this computer.

import { ConfigProvider, Layout, Menu, type MenuProps } from 'antd';
import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CheckSquareOutlined,
  CloudDownloadOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  PlusOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/rpc/define';
import { navigate, type Route } from '../route';
import { menuKeyOf, visibleGroups, type Target } from './navigation';
import { WorklistNavLabel } from '../worklist/NavLabel';

const ICONS: Record<Target, React.ReactNode> = {
  worklist: <CheckSquareOutlined />,
  residents: <TeamOutlined />,
  register: <PlusOutlined />,
  posts: <SolutionOutlined />,
  payroll: <AccountBookOutlined />,
  training: <ReadOutlined />,
  stats: <BarChartOutlined />,
  sheets: <FileExcelOutlined />,
  county: <FileSearchOutlined />,
  conflicts: <BranchesOutlined />,
  policy: <SettingOutlined />,
  backup: <CloudDownloadOutlined />,
  users: <UserOutlined />,
  audit: <AuditOutlined />,
};

const COLLAPSED_KEY = 'leye.nav.collapsed';
const MENU_TOKENS = { itemHeight: 34, itemMarginBlock: 2, groupTitleLineHeight: 1.2, groupTitleFontSize: 12 };

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function SideMenu({ route, role, county, township = false }: { route: Route; role: Role | null | undefined; county: boolean; township?: boolean }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const toggle = (next: boolean) => {
    setCollapsed(next);
    try {
      window.localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // A browser without storage forgets the choice; the menu still works.
    }
  };
  const items: MenuProps['items'] = visibleGroups(role, county, township).map((group) => ({
    type: 'group',
    key: group.key,
    label: collapsed ? null : t(group.label),
    children: group.entries.map((entry) => ({
      key: entry.target,
      icon: ICONS[entry.target],
      title: t(entry.label),
      label: entry.target === 'worklist' ? <WorklistNavLabel /> : <span data-testid={`nav-${entry.target}`}>{t(entry.label)}</span>,
    })),
  }));
  const selected = menuKeyOf(route);
  return (
    <Layout.Sider
      className="leye-sider"
      theme="light"
      width={200}
      collapsedWidth={56}
      collapsible
      collapsed={collapsed}
      onCollapse={toggle}
      trigger={
        <span data-testid="nav-toggle" title={t(collapsed ? 'nav.expand' : 'nav.collapse')}>
          {collapsed ? '»' : '«'}
        </span>
      }
    >
      {/* Compact rows, so every group of an administrator at a county station fits 1366×768. */}
      <ConfigProvider theme={{ components: { Menu: MENU_TOKENS } }}>
        <Menu
          mode="inline"
          inlineCollapsed={collapsed}
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={({ key }) => navigate({ name: key as Target } as Route)}
          data-testid="side-menu"
        />
      </ConfigProvider>
    </Layout.Sider>
  );
}
