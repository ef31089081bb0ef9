// Package codec compresses raw page bodies for storage (zstd) and repairs
// strings for backends that reject NUL bytes or invalid UTF-8.
package codec

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
)

// Encoding names the compression of stored bodies, kept in the
// raw_pages.body_encoding column.
const Encoding = "zstd"

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

// Decompress returns the body compressed in b, which was written with
// encoding enc ("zstd", or "" / "identity" for uncompressed).
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
	default:
		return nil, fmt.Errorf("codec: unknown body encoding %q", enc)
	}
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
