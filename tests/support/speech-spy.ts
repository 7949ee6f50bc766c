/**
 * A spy on the browser's speech API, added as an init script (the application is not touched): it
 * records what the page asks to be spoken in `window.__rvwSpoken`, and still speaks it.
 */
export const speechSpy = `(() => {
  window.__rvwSpoken = [];
  const synth = window.speechSynthesis;
  if (!synth) return;
  const speak = synth.speak.bind(synth);
  synth.speak = (u) => { window.__rvwSpoken.push({ text: u.text, lang: u.lang }); return speak(u); };
})();`;
