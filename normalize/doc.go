// Package normalize is the third stage of the cuttings pipeline: it reconciles
// what extract found in one article into a Record, the output contract.
// Trusts are linked to their ODS codes as at publication, people get one
// name each, dates are resolved against the publication date and the
// statistical claims are assembled.
package normalize
