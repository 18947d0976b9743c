import type { ReactNode } from "react";

/** One fact of a `<dl className="meta">` list: its name and its value, the value marked for tests when `testId` is given. */
export function Fact({ term, testId, children }: { term: string; testId?: string; children?: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
