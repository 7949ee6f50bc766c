/**
 * Plays the queue alerts in the page: the sound when nextQueueAlert says so (not when muted: during
 * a call, where it would sound over the resident, or in offer mode, where the offer prompt rings),
 * and the count of tickets to take in the tab's title.
 */
import { useEffect, useRef } from 'react';
import type { QueueEntry } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { playAlertSound } from '../ui/alert-sound';
import { useNow } from '../ui/use-now';
import { initialAlertMemory, nextQueueAlert, titleCount } from './queue-alerts';

/** Alerts for `queue` (server order), with the server-clock offset; `muted` silences the sound. */
export function useQueueAlerts(queue: readonly QueueEntry[], offsetMs: number, muted: boolean): void {
  const { t } = useI18n();
  const now = useNow(1000);
  const memory = useRef(initialAlertMemory);
  const count = titleCount(queue);
  const title = t('app.title');
  const wanted = count > 0 ? t('queue.titleBadge', { count, title }) : title;

  useEffect(() => {
    const next = nextQueueAlert(memory.current, queue, now + offsetMs);
    memory.current = next.memory;
    if (next.alert && !muted) playAlertSound();
  }, [queue, now, offsetMs, muted]);

  useEffect(() => {
    // Checked on every tick too: the language provider (a parent, whose effect runs after ours)
    // resets the title when the language changes.
    if (document.title !== wanted) document.title = wanted;
  }, [wanted, now]);

  useEffect(() => () => void (document.title = title), [title]);
}
