import { Form } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";

/**
 * A form that sends a file (multipart): the file's size is checked in the browser before it is sent, and a file
 * too large is refused there with `tooLarge`'s sentence, which then stands for the form's issues; otherwise the
 * submission goes on to Conform (`onSubmit`) and to the server, which checks everything again.
 */
export function useFileSizeCheck(tooLarge: (file: File) => string | null, fileField = "file") {
  const [refusal, setRefusal] = useState<string | null>(null);
  function check(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem(fileField) as HTMLInputElement | null;
    const file = input?.files?.[0];
    const message = file ? tooLarge(file) : null;
    if (message) event.preventDefault();
    setRefusal(message);
  }
  return { refusal, check, clear: () => setRefusal(null) };
}

export function UploadForm({
  id,
  check,
  onSubmit,
  className = "import-form",
  children,
}: {
  id: string;
  className?: string;
  check: (event: FormEvent<HTMLFormElement>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className={className}
      id={id}
      onSubmit={(event) => {
        check(event);
        if (!event.defaultPrevented) onSubmit(event);
      }}
      noValidate
    >
      {children}
    </Form>
  );
}
