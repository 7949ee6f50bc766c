/** An admin list as a table, with its load failure and empty states. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { AdminList } from './use-admin-list';

/** One column: its header and how a row's cell reads. */
export interface AdminColumn<T> {
  header: string;
  cell(item: T): ReactNode;
  /** Class of the column's cells (none by default). */
  className?: string;
}

/** Props of an admin table: the loaded list, the sentence shown when it is empty, and the columns. */
export interface AdminTableProps<T extends { id: string }> {
  list: AdminList<T>;
  testId: string;
  emptyText: string;
  columns: AdminColumn<T>[];
}

/** The load failure (if any), the empty sentence, or the table of items keyed by id. */
export function AdminTable<T extends { id: string }>({
  list,
  testId,
  emptyText,
  columns,
}: AdminTableProps<T>) {
  const { t, err } = useI18n();
  return (
    <>
      {list.errorCode && (
        <p className="form-error">{t('admin.loadFailed', { reason: err(list.errorCode) })}</p>
      )}
      {list.items && list.items.length === 0 && <p className="muted">{emptyText}</p>}
      {list.items && list.items.length > 0 && (
        <table className="admin-table" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                {columns.map((c) => (
                  <td key={c.header} className={c.className}>
                    {c.cell(item)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
