/**
 * Thumbnails of a case's captured materials, each fetched once as a blob URL (the server records
 * every view); a click shows the image large until closed (Esc, the close button or the backdrop).
 */
import { useEffect, useState } from 'react';
import type { CaseMaterial } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../ui/time';
import type { BlobCache } from './blob-cache';
import { useBlob } from './use-paper';
import './paper.css';

/** One thumbnail. */
function Thumb({ material, images, onOpen }: { material: CaseMaterial; images: BlobCache; onOpen(): void }) {
  const { t } = useI18n();
  const load = useBlob(images, material.materialId);
  return (
    <li className="thumb">
      <button
        type="button"
        className="thumb-button"
        aria-label={t('material.enlarge', { label: material.label })}
        disabled={load.state !== 'ready'}
        onClick={onOpen}
      >
        {load.state === 'ready' ? (
          <img
            src={load.url}
            alt={material.label}
            data-testid="material-thumb"
            data-material-id={material.materialId}
          />
        ) : (
          <span className={load.state === 'failed' ? 'thumb-failed' : 'thumb-loading'}>
            {load.state === 'failed' ? t('material.imageFailed') : '…'}
          </span>
        )}
      </button>
      <span className="thumb-label">{material.label}</span>
      <span className="thumb-time">{formatDateTime(material.capturedAt)}</span>
    </li>
  );
}

/** The enlarged image. */
function Enlarged({
  material,
  images,
  onClose,
}: {
  material: CaseMaterial;
  images: BlobCache;
  onClose(): void;
}) {
  const { t } = useI18n();
  const load = images.peek(material.materialId);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (load?.state !== 'ready') return null;
  return (
    <div
      className="enlarge-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={material.label}
      onClick={onClose}
    >
      <figure className="enlarge" onClick={(e) => e.stopPropagation()}>
        <img src={load.url} alt={material.label} data-testid="material-enlarged" />
        <figcaption>
          {material.label} · {material.width}×{material.height} · {formatDateTime(material.capturedAt)}
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="material-close"
            autoFocus
            onClick={onClose}
          >
            {t('material.close')}
          </button>
        </figcaption>
      </figure>
    </div>
  );
}

/** The thumbnails, newest last. */
export function MaterialThumbs({
  materials,
  images,
}: {
  materials: readonly CaseMaterial[];
  images: BlobCache;
}) {
  const [open, setOpen] = useState<CaseMaterial | null>(null);
  return (
    <>
      <ul className="thumbs" data-testid="material-thumbs">
        {materials.map((m) => (
          <Thumb key={m.materialId} material={m} images={images} onOpen={() => setOpen(m)} />
        ))}
      </ul>
      {open && <Enlarged material={open} images={images} onClose={() => setOpen(null)} />}
    </>
  );
}
