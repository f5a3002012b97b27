// The boot frame's layout before the app loads (a file, not an inline script: the
// Content-Security-Policy allows scripts from the app's own origin only).
// Which frame: the sign-in one on the sign-in steps and for a visitor without a session
// (its readable CSRF cookie), the public portal without the menu, else the shell as the
// user left it (menu folded or not).
(() => {
  const boot = document.getElementById('fz-boot');
  const path = location.pathname;
  const signedIn = document.cookie.includes('fazhi_csrf=');
  if (/^\/public(\/|$)/.test(path)) boot.className = 'page-frame';
  else if (/^\/(login|change-password)(\/|$)/.test(path) || !signedIn) boot.className = 'login-frame';
  else {
    try {
      if (localStorage.getItem('fazhi.menuCollapsed') === '1') boot.className = 'collapsed';
    } catch {
      // storage blocked: the menu unfolded, as the shell shows it then
    }
  }
})();
