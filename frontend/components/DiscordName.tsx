/** A member or role as the guild knows them, with the id beside the name (the id alone when Discord gave no name). */
export function DiscordName({ name, id }: { name: string | null | undefined; id: string }) {
  return name ? (
    <>
      <strong>{name}</strong> <code className="muted">{id}</code>
    </>
  ) : (
    <code>{id}</code>
  );
}
