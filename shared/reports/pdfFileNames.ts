/**
 * Names of downloaded report files: the person's name and the campaign's year, so that a folder of them sorts
 * and reads well. Characters no file system accepts are dropped.
 */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

function clean(part: string): string {
  return part.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
}

/** «Қызметкер 1 — 2025.pdf». */
export function reportFileName(fullName: string, year: number): string {
  return `${clean(fullName) || 'report'} — ${year}.pdf`;
}

/** «360 2025 — Қаржы бөлімі.zip», or without the unit for a whole campaign. */
export function batchFileName(campaignName: string, year: number, unitName: string | null, extension: 'pdf' | 'zip'): string {
  const parts = [clean(campaignName) || String(year), ...(unitName ? [clean(unitName)] : [])];
  if (!parts[0]!.includes(String(year))) parts[0] = `${parts[0]} ${year}`;
  return `${parts.join(' — ')}.${extension}`;
}

/** Two people of the same name get distinct entries in one ZIP: «Name — 2025 (2).pdf». */
export function distinctNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
