/**
 * The content of a status-change announcement (domain.md §7): one message per run, each change with its
 * place, old → new status and Förklaring (and a row link when given); long runs counted, dropped backlog said.
 */
import { describe, expect, it } from 'vitest';
import { alertMessage, type AlertChange } from '../../shared/engine/index.ts';
import { alertChange as change } from './year-fixtures.ts';


describe('alertMessage', () => {
  it('says nothing without changes', () => {
    expect(alertMessage([])).toBeNull();
  });

  it('lists each change: place, name, old → new, Förklaring, link', () => {
    const message = alertMessage([change(), change({ sheet: 'Indikatorer', row: 3, name: 'Utsläpp', from: null, to: 'Positiv', förklaring: 'Medel 1 → Positiv', link: 'https://docs.google.com/spreadsheets/d/x/edit#gid=5&range=A3' })]);
    expect(message).toEqual({
      title: 'Målkoll: 2 bedömningar har ändrats',
      items: [
        { place: 'Klimat › Mätetal rad 7', status: 'Resor och transporter: Oförändrad → Negativ', förklaring: '274 (2025) mot 253 (2024): +8,3 % → Negativ', link: null },
        { place: 'Klimat › Indikatorer rad 3', status: 'Utsläpp: ingen tidigare status → Positiv', förklaring: 'Medel 1 → Positiv', link: 'https://docs.google.com/spreadsheets/d/x/edit#gid=5&range=A3' },
      ],
      footer: [],
      text: [
        'Målkoll: 2 bedömningar har ändrats',
        '• Klimat › Mätetal rad 7 – Resor och transporter: Oförändrad → Negativ. 274 (2025) mot 253 (2024): +8,3 % → Negativ',
        '• Klimat › Indikatorer rad 3 – Utsläpp: ingen tidigare status → Positiv. Medel 1 → Positiv https://docs.google.com/spreadsheets/d/x/edit#gid=5&range=A3',
      ].join('\n'),
    });
  });

  it.each([
    [1, 0, undefined, 'Målkoll: 1 bedömning har ändrats', []],
    [5, 0, 3, 'Målkoll: 5 bedömningar har ändrats', ['… och 2 ändringar till; alla finns i Ändringslogg i sammanfattningen.']],
    [4, 0, 3, 'Målkoll: 4 bedömningar har ändrats', ['… och 1 ändring till; alla finns i Ändringslogg i sammanfattningen.']],
    [2, 1, undefined, 'Målkoll: 2 bedömningar har ändrats', ['1 äldre ändring kunde inte skickas i tid och har utelämnats; se Ändringslogg.']],
    [0, 7, undefined, 'Målkoll: ändringar som inte kunde skickas', ['7 äldre ändringar kunde inte skickas i tid och har utelämnats; se Ändringslogg.']],
  ])('%i changes, %i dropped, at most %s listed', (n, dropped, maxListed, title, footer) => {
    const changes = Array.from({ length: n }, (_, i) => change({ row: i + 2 }));
    const message = alertMessage(changes, { dropped, ...(maxListed === undefined ? {} : { maxListed }) })!;
    expect(message.title).toBe(title);
    expect(message.items).toHaveLength(Math.min(n, maxListed ?? n));
    expect(message.footer).toEqual(footer);
  });

  it('clips long texts to one line', () => {
    const message = alertMessage([change({ name: 'N'.repeat(500), förklaring: `Fel:\n${'x'.repeat(1000)}` })])!;
    expect(message.items[0]!.status).toHaveLength(120 + ': Oförändrad → Negativ'.length);
    expect(message.items[0]!.förklaring).toHaveLength(300);
    expect(message.items[0]!.förklaring).toMatch(/^Fel: x+…$/);
  });
});
