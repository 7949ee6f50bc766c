/** A labelled form field: the caption above its control, as every console form lays them out. */
import type { ReactNode } from 'react';

/** Props of a field: the visible caption and the control it labels. */
export interface FieldProps {
  label: string;
  children: ReactNode;
}

/** A `<label className="field">` wrapping the caption and the control. */
export function Field({ label, children }: FieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
