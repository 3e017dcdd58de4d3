import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AnswerPage } from './AnswerPage';
import { PosterPage } from './PosterPage';
import { PreviewPage } from './PreviewPage';
import { loadPreferences, type Preferences } from './storage';
import { usePreferences } from './Survey';
import './answer.css';

/** The three addresses of this entry: /s/preview, /s/poster/<token>, /s/<token>. No router, to stay light. */
function App() {
  const [preferences, setPreferences] = useState<Preferences>(loadPreferences);
  usePreferences(preferences);
  const [, section, rest] = window.location.pathname.split('/').filter(Boolean);
  if (section === 'preview') return <PreviewPage preferences={preferences} onPreferences={setPreferences} />;
  if (section === 'poster' && rest) return <PosterPage token={decodeURIComponent(rest)} preferences={preferences} />;
  return <AnswerPage token={decodeURIComponent(section ?? '')} preferences={preferences} onPreferences={setPreferences} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
