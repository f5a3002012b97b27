import type { Permission } from '@fazhi/common';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { MENU_GROUPS, ROUTES } from '../modules.ts';

type Item = Required<MenuProps>['items'][number];

/** The side menu, built from what the modules declare and what the user may open. */
export function buildMenu(t: TFunction, can: (p: Permission) => boolean): Item[] {
  const visible = ROUTES.filter((r) => r.menu && (!r.permission || can(r.permission)));
  return MENU_GROUPS.flatMap((g): Item[] => {
    const entries = visible
      .filter((r) => r.menu!.group === g.key)
      .sort((a, b) => a.menu!.order - b.menu!.order);
    if (!entries.length) return [];
    return [
      {
        type: 'group',
        key: g.key,
        label: t(g.label),
        children: entries.map((r) => ({
          key: r.path,
          icon: r.menu!.icon,
          label: <Link to={r.path}>{t(r.menu!.label)}</Link>,
        })),
      },
    ];
  });
}

/** The menu entry the current path belongs to: the longest matching route path. */
export function selectedMenuKey(pathname: string): string | undefined {
  return ROUTES.filter((r) => r.menu && (pathname === r.path || pathname.startsWith(`${r.path}/`)))
    .map((r) => r.path)
    .sort((a, b) => b.length - a.length)[0];
}
