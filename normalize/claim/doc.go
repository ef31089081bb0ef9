// Package claim assembles the statistical claims of an article: it joins
// each count with the organisation or place it is about, what happened
// (cancelled, postponed, on strike, in work, ...), the period, the cause
// and, inside a quote, the speaker. It reads a record whose text,
// organisations, people, quotes, dates and counts are already filled, and
// looks at the count's clause, its sentence and the sentences before it
// for the subject ("It means the total ... grew to 3,850" takes the trust
// of the sentence before; NHS England's national figures take England).
//
// Counts that belong to no trust or place, pay percentages, and small
// quantities written in words are not claims.
package claim
