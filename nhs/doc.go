// Package nhs holds the NHS reference data the pipeline links organisations
// to (English trusts, Scottish and Welsh health boards, Northern Irish HSC
// trusts, integrated care boards and their hospitals) and answers
// time-aware questions about it: which code was in force on a date, which
// organisation took a trust over, what a trust was called at the time.
//
// The data is embedded with go:embed (see data/NOTICE.md for its sources,
// dates and licence) and can be regenerated from a folder laid out like
// ../shared/data/nhs with Update.
package nhs
