import type { ThemeConfig } from 'antd';

/** Police blue, restrained: the look of the ministry's own admin systems. */
export const POLICE_BLUE = '#1d4f91';
const NAVY = '#0c2a55';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: POLICE_BLUE,
    // the generated palette of so dark a blue is grey at the light end: set the tints by hand
    colorPrimaryBg: '#e8eff9',
    colorPrimaryBgHover: '#d6e3f5',
    colorPrimaryBorder: '#a9c1e6',
    colorPrimaryBorderHover: '#7fa2d6',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: NAVY,
      triggerBg: '#0a2349',
      bodyBg: '#f0f2f5',
    },
    Menu: {
      darkItemBg: NAVY,
      darkSubMenuItemBg: NAVY,
      darkPopupBg: NAVY,
      darkItemSelectedBg: POLICE_BLUE,
      darkGroupTitleColor: 'rgba(255,255,255,0.45)',
    },
  },
};
