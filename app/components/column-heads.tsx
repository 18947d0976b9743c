import type { ReactNode } from "react";

/** A column's head: its words, or its words and a class (`num` right-aligns a column of figures). */
export type ColumnHead = string | { label: ReactNode; className?: string };

/**
 * A table's head row from the list of its columns, each a `<th scope="col">` (so a screen reader names the column of each
 * cell); `children` are heads made from data, after the listed ones (one column per document). `colClasses`, where the
 * styles size the columns, gives each column's `<col>` its class (null: none), in the `<colgroup>` before the head.
 */
export function ColumnHeads({ columns, colClasses, children }: { columns: ColumnHead[]; colClasses?: (string | null)[]; children?: ReactNode }) {
  const head = (
    <thead>
      <tr>
        {columns.map((column, i) =>
          typeof column === "string" ? (
            <th key={i} scope="col">
              {column}
            </th>
          ) : (
            <th key={i} scope="col" className={column.className}>
              {column.label}
            </th>
          ),
        )}
        {children}
      </tr>
    </thead>
  );
  if (!colClasses) return head;
  return (
    <>
      <colgroup>
        {colClasses.map((className, i) => (
          <col key={i} className={className ?? undefined} />
        ))}
      </colgroup>
      {head}
    </>
  );
}
