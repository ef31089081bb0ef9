package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"

	"github.com/cuttings/cuttings/fetch"
)

// DecodeContent removes the HTTP Content-Encoding codings (gzip, x-gzip,
// deflate, br, identity; a list is undone last first) from body and returns
// at most limit decoded bytes. A decoded body over limit is an error
// wrapping fetch.ErrTooLarge, so a gzip bomb costs at most limit bytes. A
// body that claims gzip but does not start with the gzip magic number is
// taken as already decoded, as some crawlers store it. A compressed body
// cut short (Common Crawl truncates long payloads) yields what could be
// decoded if that is not empty.
func DecodeContent(encoding string, body []byte, limit int64) ([]byte, error) {
	return new(decoder).decode(encoding, body, limit)
}

// decoder keeps decompressors for reuse across the records of a file.
type decoder struct {
	gz *gzip.Reader
}

func (d *decoder) gzip(body []byte) (io.Reader, error) {
	if d.gz == nil {
		var err error
		d.gz, err = gzip.NewReader(bytes.NewReader(body))
		return d.gz, err
	}
	return d.gz, d.gz.Reset(bytes.NewReader(body))
}

func (d *decoder) decode(encoding string, body []byte, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxRecordSize
	}
	codings := strings.Split(strings.ToLower(encoding), ",")
	for i := len(codings) - 1; i >= 0; i-- {
		c := strings.TrimSpace(codings[i])
		var (
			zr  io.Reader
			err error
		)
		switch c {
		case "", "identity", "none":
			continue
		case "gzip", "x-gzip":
			if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
				continue
			}
			zr, err = d.gzip(body)
		case "deflate":
			if len(body) >= 2 && (uint16(body[0])<<8|uint16(body[1]))%31 == 0 && body[0]&0x0f == 8 {
				zr, err = zlib.NewReader(bytes.NewReader(body))
			} else {
				zr = flate.NewReader(bytes.NewReader(body))
			}
		case "br":
			zr = brotli.NewReader(bytes.NewReader(body))
		default:
			return nil, fmt.Errorf("content encoding %q: %w", c, fetch.ErrUnsupported)
		}
		if err != nil {
			return nil, fmt.Errorf("content encoding %s: %w", c, err)
		}
		out, err := readLimited(zr, limit, 4*len(body))
		if err != nil {
			if errors.Is(err, fetch.ErrTooLarge) || len(out) == 0 || !errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("content encoding %s: %w", c, err)
			}
		}
		body = out
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("body of %d bytes over the %d byte limit: %w", len(body), limit, fetch.ErrTooLarge)
	}
	return body, nil
}

// readLimited reads r to the end, failing with fetch.ErrTooLarge once more
// than limit bytes come out.
func readLimited(r io.Reader, limit int64, sizeHint int) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(int64(sizeHint)+bytes.MinRead, limit+1)))
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if n > limit {
		return nil, fmt.Errorf("decoded body over the %d byte limit: %w", limit, fetch.ErrTooLarge)
	}
	return buf.Bytes(), err
}
