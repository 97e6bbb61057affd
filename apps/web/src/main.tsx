import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import { detectProfile, parseCanvas } from './app/screen';
import './app/theme.css';
import { useUi } from './stores/ui';

initI18n();

const params = new URLSearchParams(window.location.search);
useUi.getState().setScreen(
  detectProfile({
    requested: params.get('screen'),
    coarsePointer:
      window.matchMedia('(pointer: coarse)').matches && !window.matchMedia('(pointer: fine)').matches,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
  }),
  parseCanvas(params.get('canvas')),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
