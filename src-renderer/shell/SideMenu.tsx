// The navigation: a collapsible side menu whose groups (人员 / 岗位 / 培训 / 统计 / 同步与审核 /
// 系统) are always open, showing only what the user's role may reach. Each entry keeps its
// `nav-…` test id; the collapsed state is remembered on this computer.

import { ConfigProvider, Layout, Menu, type MenuProps } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
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
import { mayCall, type HandlerName, type PermissionName } from '../../shared/rpc/handlers';
import type { Role } from '../../shared/rpc/define';
import { navigate, type Route } from '../route';

type Target = Extract<Route, { name: 'residents' | 'register' | 'posts' | 'training' | 'stats' | 'sheets' | 'county' | 'conflicts' | 'policy' | 'backup' | 'users' | 'audit' }>['name'];

interface Entry {
  target: Target;
  label: string;
  icon: React.ReactNode;
  /** The handler or permission the entry's screen needs. */
  needs: HandlerName | PermissionName;
  countyOnly?: boolean;
}

interface Group {
  key: string;
  label: string;
  entries: Entry[];
}

const GROUPS: Group[] = [
  {
    key: 'people',
    label: 'nav.groups.people',
    entries: [
      { target: 'residents', label: 'nav.residents', icon: <TeamOutlined />, needs: 'residents.search' },
      { target: 'register', label: 'nav.register', icon: <PlusOutlined />, needs: 'residents.register' },
    ],
  },
  { key: 'posts', label: 'nav.groups.posts', entries: [{ target: 'posts', label: 'nav.posts', icon: <SolutionOutlined />, needs: 'posts.list' }] },
  { key: 'training', label: 'nav.groups.training', entries: [{ target: 'training', label: 'nav.training', icon: <ReadOutlined />, needs: 'training.list' }] },
  {
    key: 'stats',
    label: 'nav.groups.stats',
    entries: [
      { target: 'stats', label: 'nav.stats', icon: <BarChartOutlined />, needs: 'stats.dashboard' },
      { target: 'sheets', label: 'nav.sheets', icon: <FileExcelOutlined />, needs: 'sheets.exportLedger' },
    ],
  },
  {
    key: 'sync',
    label: 'nav.groups.sync',
    entries: [
      { target: 'county', label: 'nav.county', icon: <FileSearchOutlined />, needs: 'county.batches', countyOnly: true },
      { target: 'conflicts', label: 'nav.conflicts', icon: <BranchesOutlined />, needs: 'county.conflicts', countyOnly: true },
    ],
  },
  {
    key: 'system',
    label: 'nav.groups.system',
    entries: [
      { target: 'policy', label: 'nav.policy', icon: <SettingOutlined />, needs: 'policy.list' },
      { target: 'backup', label: 'nav.backup', icon: <CloudDownloadOutlined />, needs: 'backup.status' },
      { target: 'users', label: 'nav.users', icon: <UserOutlined />, needs: 'station.administer' },
      { target: 'audit', label: 'nav.audit', icon: <AuditOutlined />, needs: 'station.administer' },
    ],
  },
];

/** The menu entry a route belongs to (a post's page lights 岗位, a session's 培训…). */
export function menuKeyOf(route: Route): Target | null {
  switch (route.name) {
    case 'resident':
    case 'edit':
      return 'residents';
    case 'post':
    case 'attendance':
      return 'posts';
    case 'session':
    case 'signIn':
      return 'training';
    case 'countyBatch':
      return 'county';
    case 'print':
    case 'about':
      return null;
    default:
      return route.name;
  }
}

/** The groups and entries a role sees at a station of this level. */
export function visibleGroups(role: Role | null | undefined, county: boolean): Group[] {
  return GROUPS.map((group) => ({
    ...group,
    entries: group.entries.filter((entry) => (!entry.countyOnly || county) && mayCall(entry.needs, role)),
  })).filter((group) => group.entries.length > 0);
}

const COLLAPSED_KEY = 'leye.nav.collapsed';
const MENU_TOKENS = { itemHeight: 34, itemMarginBlock: 2, groupTitleLineHeight: 1.2, groupTitleFontSize: 12 };

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function SideMenu({ route, role, county }: { route: Route; role: Role | null | undefined; county: boolean }) {
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
  const items: MenuProps['items'] = visibleGroups(role, county).map((group) => ({
    type: 'group',
    key: group.key,
    label: collapsed ? null : t(group.label),
    children: group.entries.map((entry) => ({
      key: entry.target,
      icon: entry.icon,
      title: t(entry.label),
      label: <span data-testid={`nav-${entry.target}`}>{t(entry.label)}</span>,
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
