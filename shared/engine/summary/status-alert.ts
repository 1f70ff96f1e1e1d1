/**
 * The content of the message that announces status changes (domain.md §7): one message per run listing each
 * change — workbook, sheet and row, name, old → new status, the Förklaring, and a link to the row when the
 * caller has one. Only names, statuses and explanations: nothing else of a workbook goes into it. The
 * adapters lay it out for Google Chat, a Teams workflow or plain JSON; the CLI prints `text`.
 * @module
 */

/** One status change as it is announced (the generic webhook's `changes` items, plus an optional link). */
export interface AlertChange {
  workbook: string;
  sheet: string;
  row: number;
  name: string;
  /** null on a row's first status (the alert then says so) */
  from: string | null;
  to: string;
  förklaring: string;
  /** a link to the row (Google Sheets), when the caller knows the spreadsheet and sheet ids */
  link?: string | null;
}

export interface AlertItem {
  /** `Klimat › Mätetal rad 7` */
  place: string;
  /** `Resor och transporter: Oförändrad → Negativ` */
  status: string;
  förklaring: string;
  link: string | null;
}

export interface AlertMessage {
  title: string;
  items: AlertItem[];
  /** sentences after the list: changes left out of this message, and older ones dropped from the backlog */
  footer: string[];
  /** the whole message as plain text (generic webhook, CLI) */
  text: string;
}

export interface AlertOptions {
  /** changes dropped from the backlog before this message (oldest first), said in the footer */
  dropped?: number;
  /** at most this many changes are listed; the rest are counted (chat messages have size limits) */
  maxListed?: number;
}

export const DEFAULT_MAX_LISTED = 40;
/**
 * A Förklaring is one sentence, but a row's error text can be long, and chat services refuse large messages
 * (Google Chat 32,000 bytes, Teams 28 KB): every text is clipped, so a full message stays within both.
 */
const MAX_EXPLANATION = 300;
const MAX_NAME = 120;

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function itemOf(c: AlertChange): AlertItem {
  return {
    // the organisation's overall assessment has no row of a workbook (row 0)
    place: `${clip(c.workbook, MAX_NAME)} › ${clip(c.sheet, MAX_NAME)}${c.row > 0 ? ` rad ${c.row}` : ''}`,
    status: `${clip(c.name, MAX_NAME)}: ${c.from ?? 'ingen tidigare status'} → ${c.to}`,
    förklaring: clip(c.förklaring, MAX_EXPLANATION),
    link: c.link ?? null,
  };
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** The message for the changes of a run (backlog first, oldest first); null when there is nothing to say. */
export function alertMessage(changes: AlertChange[], options: AlertOptions = {}): AlertMessage | null {
  const dropped = options.dropped ?? 0;
  if (changes.length === 0 && dropped === 0) return null;
  const max = options.maxListed ?? DEFAULT_MAX_LISTED;
  const items = changes.slice(0, max).map(itemOf);
  const footer: string[] = [];
  if (changes.length > items.length) {
    footer.push(`… och ${count(changes.length - items.length, 'ändring', 'ändringar')} till; alla finns i Ändringslogg i sammanfattningen.`);
  }
  if (dropped > 0) {
    footer.push(`${count(dropped, 'äldre ändring', 'äldre ändringar')} kunde inte skickas i tid och har utelämnats; se Ändringslogg.`);
  }
  const title =
    changes.length === 0 ? 'Målkoll: ändringar som inte kunde skickas' : `Målkoll: ${count(changes.length, 'bedömning har', 'bedömningar har')} ändrats`;
  const lines = items.map((i) => `• ${i.place} – ${i.status}. ${i.förklaring}${i.link ? ` ${i.link}` : ''}`);
  return { title, items, footer, text: [title, ...lines, ...footer].join('\n') };
}
