/** The renderer's entry: pick the bridge, start the controller, render the screens. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge/get-bridge';
import { KioskApp } from './kiosk-app';
import './styles.css';

const app = new KioskApp(getBridge());
void app.start();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App app={app} />
  </StrictMode>,
);
