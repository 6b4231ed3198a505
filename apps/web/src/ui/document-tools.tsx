import { Fragment, type ReactNode } from 'react';

export interface DownloadLink {
  href: string;
  /** The link's text (« Télécharger (Word) »), with any words for screen readers only. */
  text: ReactNode;
}

/** « Télécharger : [Markdown] [Word] »: a label and the document's files, as download links styled as buttons. */
export function DownloadLinks({ label, links }: { label: string; links: readonly DownloadLink[] }) {
  return (
    <p className="diagnostic-export">
      <span>{label}</span>{' '}
      {links.map((link, index) => (
        <Fragment key={link.href}>
          {index > 0 ? ' ' : null}
          <a className="button button--secondary" href={link.href} download>
            {link.text}
          </a>
        </Fragment>
      ))}
    </p>
  );
}

interface DocumentToolsProps {
  className?: string;
  downloads: { label: string; links: readonly DownloadLink[] };
  /** Next to the downloads (a setting of the document). */
  aside?: ReactNode;
  /** Between the downloads and the versions (the publication). */
  children?: ReactNode;
  versionsTitle: string;
  /** The saved versions, folded under `versionsTitle`. */
  versions: ReactNode;
}

/** Around a co-edited document (the diagnostic, the guide): its downloads, then its saved versions, folded. */
export function DocumentTools({ className, downloads, aside, children, versionsTitle, versions }: DocumentToolsProps) {
  return (
    <div className={className ? `diagnostic-tools ${className}` : 'diagnostic-tools'}>
      <div className="diagnostic-tools__row">
        <DownloadLinks label={downloads.label} links={downloads.links} />
        {aside}
      </div>
      {children}
      <details className="diagnostic-tools__versions">
        <summary>{versionsTitle}</summary>
        {versions}
      </details>
    </div>
  );
}
