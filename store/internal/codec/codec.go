// Package codec compresses raw page bodies for storage (zstd, or the gzip
// stream a page arrived in) and repairs strings for backends that reject NUL
// bytes or invalid UTF-8.
package codec

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Encoding names the compression of stored bodies, kept in the
// raw_pages.body_encoding column.
const Encoding = "zstd"

// Gzip is the body_encoding of a body kept as the gzip stream it arrived
// in.
const Gzip = "gzip"

// MaxBody is the largest body Decompress returns (256 MiB): a corrupt or
// hostile row cannot make a reader allocate without bound.
const MaxBody = 256 << 20

// ErrTooLarge is returned when a stored body inflates past the limit.
var ErrTooLarge = errors.New("codec: body too large")

// Codec compresses and decompresses bodies. It is safe for concurrent use.
type Codec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// New returns a Codec; Close releases its resources.
func New() (*Codec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("codec: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderMaxMemory(MaxBody), zstd.WithDecoderConcurrency(0))
	if err != nil {
		_ = enc.Close()
		return nil, fmt.Errorf("codec: %w", err)
	}
	return &Codec{enc: enc, dec: dec}, nil
}

// Compress returns b compressed.
func (c *Codec) Compress(b []byte) []byte {
	if b == nil {
		return nil
	}
	return c.enc.EncodeAll(b, make([]byte, 0, len(b)/3+64))
}

// Encode returns body ready to store and its encoding: gz itself when it is
// the single-member gzip stream body was read from (its trailer gives
// body's length), which saves compressing body again, else body compressed
// with zstd.
func (c *Codec) Encode(body, gz []byte) ([]byte, string) {
	if len(gz) >= 18 && gz[0] == 0x1f && gz[1] == 0x8b &&
		binary.LittleEndian.Uint32(gz[len(gz)-4:]) == uint32(len(body)) {
		return gz, Gzip
	}
	return c.Compress(body), Encoding
}

// Decompress returns the body compressed in b, which was written with
// encoding enc ("zstd", "gzip", or "" / "identity" for uncompressed).
func (c *Codec) Decompress(b []byte, enc string) ([]byte, error) {
	switch enc {
	case "", "identity":
		return b, nil
	case Encoding:
		if len(b) == 0 {
			return nil, nil
		}
		out, err := c.dec.DecodeAll(b, nil)
		if err != nil {
			if errors.Is(err, zstd.ErrDecoderSizeExceeded) || errors.Is(err, zstd.ErrWindowSizeExceeded) {
				return nil, fmt.Errorf("%w: %w", ErrTooLarge, err)
			}
			return nil, fmt.Errorf("codec: %w", err)
		}
		return out, nil
	case Gzip:
		return gunzip(b)
	default:
		return nil, fmt.Errorf("codec: unknown body encoding %q", enc)
	}
}

// gunzip returns the contents of the gzip stream b, up to MaxBody bytes.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("codec: gzip: %w", err)
	}
	defer zr.Close()
	var out bytes.Buffer
	n, err := out.ReadFrom(io.LimitReader(zr, MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("codec: gzip: %w", err)
	}
	if n > MaxBody {
		return nil, ErrTooLarge
	}
	return out.Bytes(), nil
}

// Close releases the codec.
func (c *Codec) Close() {
	_ = c.enc.Close()
	c.dec.Close()
}

// PGText makes s storable in a PostgreSQL text column: NUL bytes are
// dropped and invalid UTF-8 becomes U+FFFD.
func PGText(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// MetaJSON returns b as the text of a JSON value: b itself when it is valid
// JSON, else b as a JSON string, so that metadata that is not JSON (a broken
// sidecar) is kept rather than losing the page. Empty b is SQL NULL (nil).
func MetaJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	if json.Valid(b) {
		return string(b)
	}
	s, _ := json.Marshal(string(b))
	return string(s)
}
