/** The local camera and microphone: opening them for a call, muting a kind, releasing them. */

/** Opens the camera and microphone with settings suited to a face-to-face call. */
export function openLocalMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
}

/** What a call has to send: a stream (possibly without tracks), and why the full one failed. */
export interface LocalMedia {
  /** The stream to send; null where there is no media API at all (not a browser). */
  stream: MediaStream | null;
  /** The error name when the camera and microphone could not both be opened; null when they were. */
  error: string | null;
}

/**
 * Opens the camera and microphone; without a camera (or with it busy) the microphone alone; and
 * failing that an empty stream, so the call still joins and this side can see and hear the other.
 */
export async function openCallMedia(): Promise<LocalMedia> {
  try {
    return { stream: await openLocalMedia(), error: null };
  } catch (e) {
    const error = e instanceof Error ? e.name : 'Error';
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    const audio = devices
      ? await devices.getUserMedia({ audio: true, video: false }).catch(() => null)
      : null;
    if (audio) return { stream: audio, error };
    try {
      return { stream: new MediaStream(), error };
    } catch {
      return { stream: null, error };
    }
  }
}

/** Stops every track of a stream, so that the device is released. */
export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Enables or disables the tracks of one kind (mute the microphone, blank the camera). */
export function setTracksEnabled(stream: MediaStream, kind: 'audio' | 'video', enabled: boolean): void {
  for (const track of stream.getTracks()) if (track.kind === kind) track.enabled = enabled;
}
