import type { IconName } from '../navigation/navItems';

// Simple 24×24 stroke glyphs drawn for the shell, so no icon package is needed.
const paths: Readonly<Record<IconName, readonly string[]>> = {
  forms: ['M7 3h7l5 5v13H7z', 'M14 3v5h5', 'M10 12h6', 'M10 16h6'],
  processes: ['M4 4h6v6H4z', 'M14 14h6v6h-6z', 'M7 10v4a2 2 0 0 0 2 2h5'],
  rules: ['M6 4v16', 'M6 8h8l4 4-4 4H6'],
  instances: ['M4 8l8-4 8 4-8 4z', 'M4 12l8 4 8-4', 'M4 16l8 4 8-4'],
  tasks: ['M4 5h16v14H4z', 'M8 12l3 3 5-6'],
  analytics: ['M5 20V10', 'M12 20V4', 'M19 20v-7', 'M3 20h18'],
  api: ['M8 7l-5 5 5 5', 'M16 7l5 5-5 5', 'M14 4l-4 16'],
};

export function Icon({ name }: { readonly name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
