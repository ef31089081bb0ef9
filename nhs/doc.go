// Package nhs holds the NHS reference data the pipeline links organisations
// to (English trusts, Scottish and Welsh health boards, Northern Irish HSC
// trusts, integrated care boards and their hospitals) and answers
// time-aware questions about it: which code was in force on a date, which
// organisation took a trust over, what a trust was called at the time.
//
// The data is embedded with go:embed (see data/NOTICE.md for its sources,
// dates and the Open Government Licence attribution). To refresh it, run
// Update on a folder laid out like ../shared/data/nhs (what
// `cuttings refdata update --from DIR` does): either into nhs/data of the
// source tree, so the next build embeds it, or into any folder that is then
// passed as Load's fs.FS (os.DirFS) so a released binary uses it at once.
package nhs
