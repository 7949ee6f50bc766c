/** The console's alert sound: two short, soft tones made in code with Web Audio (no sound file). */

let context: AudioContext | null = null;

/** Plays the alert once; silently does nothing where the browser has no audio. */
export function playAlertSound(): void {
  try {
    if (typeof AudioContext === 'undefined') return;
    context ??= new AudioContext();
    const ctx = context;
    // A context made before the agent touched the page starts suspended; the sign-in click allows it.
    void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.01;
    [880, 1175].forEach((frequency, i) => {
      const at = start + i * 0.18;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.16);
    });
  } catch {
    // No audio device or a refused context: the title badge and the header count still tell.
  }
}
