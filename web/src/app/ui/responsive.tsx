import { ConfigProvider, Grid, theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * Below antd's `md` breakpoint (768 px): a phone, or a small tablet held upright. The shell
 * swaps its side menu for a drawer there, and lists become cards (responsive-table.tsx).
 */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  // antd measures after the first render; until then ask the browser, so that a phone does not
  // mount the desktop layout first and swap it a moment later
  if (screens.md === undefined) return !window.matchMedia(`(min-width: ${token.screenMD}px)`).matches;
  return !screens.md;
}

/** Descriptions in two columns on a desktop, one below `md` (the shell's phone layout). */
export const TWO_COLUMNS = { xs: 1, sm: 1, md: 2 } as const;

/** A form field beside another on a desktop, on a row of its own on a phone: `<Col {...HALF}>`. */
export const HALF = { xs: 24, md: 12 } as const;

// A one-column description leaves its label little room: a Chinese label keeps its characters
// on one line (案件编号, not 案件 / 编号), an English one still wraps between words.
const PHONE_DESCRIPTIONS = { styles: { label: { wordBreak: 'keep-all' } } } as const;
// A long tag (an offence with its article) wraps instead of widening the page.
const PHONE_TAG = { styles: { root: { whiteSpace: 'normal' } } } as const;

/** Component defaults for a phone, around the shell's pages. */
export function PhoneConfig({ children }: { children: ReactNode }) {
  const phone = usePhone();
  return (
    <ConfigProvider descriptions={phone ? PHONE_DESCRIPTIONS : undefined} tag={phone ? PHONE_TAG : undefined}>
      {children}
    </ConfigProvider>
  );
}
