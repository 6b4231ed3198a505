import { NavLink } from 'react-router';

export interface TabLink {
  to: string;
  label: string;
  /** Match the path exactly (for the index section). */
  end?: boolean;
}

/** Sections of a page as links; the current one carries `aria-current="page"`. */
export function TabNav({ label, links }: { label: string; links: readonly TabLink[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul className="tabs__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink className="tabs__link" to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
