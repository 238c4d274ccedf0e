'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Person } from '@/lib/users/list-people';

const PeopleContext = createContext<Person[]>([]);

/** The people work can be assigned to, given once by a page to every assignee picker below it. */
export function usePeople(): Person[] {
  return useContext(PeopleContext);
}

export function PeopleProvider({ people, children }: { people: Person[]; children: ReactNode }) {
  return <PeopleContext.Provider value={people}>{children}</PeopleContext.Provider>;
}
