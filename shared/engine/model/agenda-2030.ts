/**
 * The 17 goals of Agenda 2030 by their Swedish names (domain.md §3 "Agendapyramid"), as the regions and
 * Regeringskansliet write them. A goal is referred to by its number everywhere; the name is for reading.
 * @module
 */

export const AGENDA_2030_GOALS: Readonly<Record<number, string>> = {
  1: 'Ingen fattigdom',
  2: 'Ingen hunger',
  3: 'Hälsa och välbefinnande',
  4: 'God utbildning för alla',
  5: 'Jämställdhet',
  6: 'Rent vatten och sanitet för alla',
  7: 'Hållbar energi för alla',
  8: 'Anständiga arbetsvillkor och ekonomisk tillväxt',
  9: 'Hållbar industri, innovationer och infrastruktur',
  10: 'Minskad ojämlikhet',
  11: 'Hållbara städer och samhällen',
  12: 'Hållbar konsumtion och produktion',
  13: 'Bekämpa klimatförändringarna',
  14: 'Hav och marina resurser',
  15: 'Ekosystem och biologisk mångfald',
  16: 'Fredliga och inkluderande samhällen',
  17: 'Genomförande och globalt partnerskap',
};

export const GOAL_COUNT = 17;

/** `13 Bekämpa klimatförändringarna` */
export function goalLabel(goal: number): string {
  const name = AGENDA_2030_GOALS[goal];
  return name === undefined ? String(goal) : `${goal} ${name}`;
}
