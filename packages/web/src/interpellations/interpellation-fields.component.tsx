/** A polite status line: what just happened, read out without moving the focus. */
export function StatusText({ text }: { text: string | null }) {
  return (
    <p role="status" className="interpellation__status">
      {text}
    </p>
  );
}
