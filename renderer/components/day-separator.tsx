// The start of a day in the conversation: role="separator" whose text names the day (DESIGN §1b).
export function DaySeparator({ label }: { label: string }) {
  return (
    <div role="separator" className="day-separator" aria-label={label}>
      <span>{label}</span>
    </div>
  );
}
