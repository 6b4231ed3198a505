import type { GuideBlock, GuideRun, ResolvedReference } from '@concerto/domain';
import type { ReactNode } from 'react';

/** Shows a resolved reference inside text (given by the caller: the reference renderer itself shows text). */
export type RenderReference = (reference: ResolvedReference, level: number) => ReactNode;

/** Links shown as links only when they lead to a web page or an e-mail address; anything else stays text. */
const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s<>"]+$/i;

/** A heading at a level relative to where the content sits, kept between 2 and 6. */
export function Heading({ level, id, className, children }: { level: number; id?: string; className?: string; children: ReactNode }) {
  const Tag = `h${Math.min(6, Math.max(2, level))}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** Inline runs: bold, italic, links. The text is React text: never parsed as HTML. */
export function GuideRuns({ runs }: { runs: readonly GuideRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href && SAFE_HREF.test(run.href.trim())) {
          node = (
            <a href={run.href.trim()} rel="noopener noreferrer nofollow">
              {node}
            </a>
          );
        }
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

/**
 * The blocks of resolved rich text. `level` is the heading level right below the text's container: the editors'
 * largest heading (« Titre 2 ») goes there and smaller ones below it, as in the server's outputs (DOCX, PDF, public
 * page), so that the page's outline stays in order wherever the text is shown.
 */
export function GuideBlocks({ blocks, level, reference }: { blocks: readonly GuideBlock[]; level: number; reference: RenderReference }) {
  return (
    <>
      {blocks.map((block, index) => (
        <GuideBlockView key={index} block={block} level={level} reference={reference} />
      ))}
    </>
  );
}

function GuideBlockView({ block, level, reference }: { block: GuideBlock; level: number; reference: RenderReference }) {
  switch (block.type) {
    case 'heading':
      return (
        <Heading level={level + Math.max(0, block.level - 2)}>
          <GuideRuns runs={block.runs} />
        </Heading>
      );
    case 'paragraph':
      return (
        <p>
          <GuideRuns runs={block.runs} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <GuideBlocks blocks={item} level={level} reference={reference} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote>
          <GuideBlocks blocks={block.blocks} level={level} reference={reference} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr />;
    case 'table':
      return <GuideTextTable rows={block.rows} />;
    case 'reference':
      return <div className="guide-view__reference">{reference(block.reference, level)}</div>;
  }
}

/** A table typed in the text: its header row (if any) as column headers. */
function GuideTextTable({ rows }: { rows: Extract<GuideBlock, { type: 'table' }>['rows'] }) {
  const header = rows[0]?.header ? rows[0] : null;
  const body = header ? rows.slice(1) : rows;
  return (
    <div className="table-wrapper">
      <table className="table">
        {header ? (
          <thead>
            <tr>
              {header.cells.map((cell, index) => (
                <th key={index} scope="col">
                  <GuideRuns runs={cell} />
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {body.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.cells.map((cell, index) =>
                row.header ? (
                  <th key={index} scope="row">
                    <GuideRuns runs={cell} />
                  </th>
                ) : (
                  <td key={index}>
                    <GuideRuns runs={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
