import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n/index.ts';
import { FazhiApp } from './app/app.tsx';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FazhiApp />
  </StrictMode>,
);
