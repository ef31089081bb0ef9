// Package fetch is the first stage of the cuttings pipeline: it turns inputs
// (files, folders, JSON Lines, web archives, URLs) into Documents, the raw
// bytes of one article together with where and when they came from.
//
// Raw bytes are kept exactly as received (after transport decoding: gzip,
// chunked encoding, WARC framing) so that later stages can re-extract them.
package fetch
