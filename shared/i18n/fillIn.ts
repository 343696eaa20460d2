export type Params = Readonly<Record<string, string | number>>;

/** A message template with its `{name}` placeholders filled in; a placeholder without a value stays visible. */
export function fillIn(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
