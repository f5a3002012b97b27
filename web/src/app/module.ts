import type { Permission } from '@fazhi/common';
import type { ComponentType, ReactNode } from 'react';

/** A side-menu group; modules may add groups of their own. */
export interface MenuGroup {
  key: string;
  /** i18n key of the group title */
  label: string;
  order: number;
}

export interface MenuEntry {
  group: string;
  /** i18n key of the menu label */
  label: string;
  icon: ReactNode;
  order: number;
}

export interface RouteDef {
  path: string;
  component: ComponentType;
  /** Needed to see the menu entry and open the page (the server enforces it again). */
  permission?: Permission;
  /** shell: signed in, inside the layout; bare: signed in, full page; public: anyone. */
  layout?: 'shell' | 'bare' | 'public';
  menu?: MenuEntry;
}

type Resources = Record<string, unknown>;

/** What a module contributes to the web app: routes, menu entries and strings. */
export interface AppModule {
  key: string;
  groups?: MenuGroup[];
  routes: RouteDef[];
  messages: { 'zh-CN': Resources; 'en-US': Resources };
}
