// Package warc reads web archives (WARC files, plain or with one gzip member
// per record as Common Crawl and CC-NEWS publish them) record by record,
// never loading a whole file, and turns HTML response records into
// fetch.Documents.
//
// The reader is built for damaged input: a corrupt gzip member in the middle
// of a file is reported once and reading resumes at the next member; a
// truncated file yields its readable records and one error. Every error from
// the reader is a *ParseError carrying the file offset and record number.
package warc
