import { Spin } from 'antd';

// index.html's skeleton (#fz-boot), taken while this module is evaluated: before the first
// render, which removes it from the page.
const skeleton = document.getElementById('fz-boot');

/**
 * While the app loads what its first page needs (the signed-in user, the page's code): the
 * skeleton index.html painted before the scripts arrived, put back in place, so the screen goes
 * from skeleton to page without a blank or a spinner in between.
 */
export function BootSkeleton() {
  if (skeleton) return <div ref={(box) => void box?.appendChild(skeleton)} />;
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
