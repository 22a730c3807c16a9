// A section of a page named by its heading (aria-labelledby), the id made by React: no id strings to keep in step.
import { useId, type ReactNode } from "react";

export function Section({ heading, headingClassName, className, testId, children }: { heading: ReactNode; headingClassName: string; className?: string; testId?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className={headingClassName}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
